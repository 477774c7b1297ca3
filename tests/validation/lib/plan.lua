-- A policy acting on given days: plan = { { DAY, ACTION }, ... }; at a review on
-- DAY it returns { ACTION } (the validation scenarios' dated actions).
return function(plan)
  return function(state)
    for _, p in ipairs(plan) do
      if state.t_days == p[1] then return { p[2] } end
    end
  end
end
