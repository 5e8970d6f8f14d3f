#!/bin/bash
# Queues N shards of a briefing job as a job array and the merge after them (afterany: the merge
# also runs when a shard failed, and then says which manifest is missing).
#
#   Tools/deploy/slurm/submit.sh /shared/briefing/national.yaml 8
set -euo pipefail
job_file=$(realpath "$1")
shards=${2:-8}
here=$(dirname "$0")
array=$(sbatch --parsable --array="1-$shards" --export="ALL,JOB_FILE=$job_file" "$here/briefing-shard.sbatch")
sbatch --parsable --dependency="afterany:$array" --export="ALL,JOB_FILE=$job_file,SHARDS=$shards" \
  "$here/briefing-merge.sbatch"
