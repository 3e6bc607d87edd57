-- bench/casework.sh: the bare baseline, POST /bench/baseline (profile "bench"), no body.
wrk.method = "POST"
wrk.path = "/bench/baseline"
