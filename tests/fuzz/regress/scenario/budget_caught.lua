-- The instruction budget caught by pcall, an xpcall handler and coroutines
-- ran for ever (a libFuzzer timeout); now the budget is spent for the call.
while true do
  pcall(function() while true do end end)
  xpcall(function() while true do end end, function() while true do end end)
  coroutine.resume(coroutine.create(function() while true do end end))
end
