-- bench/casework.sh: the bare baseline, POST /bench/baseline (profile "bench"), no body.
-- Argument (after --): "task-history" for the variant with the platform processes' history level.
wrk.method = "POST"
wrk.path = "/bench/baseline"

function init(args)
  if args[1] == "task-history" then
    wrk.path = "/bench/baseline/task-history"
  end
end
