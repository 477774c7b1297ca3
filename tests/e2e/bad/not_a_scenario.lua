-- expect: ^neosim: tests/e2e/bad/not_a_scenario.lua.*neo.scenario
return 42
