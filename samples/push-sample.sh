#!/usr/bin/env bash
# Turns samples/hello-service into a local git repository, commits, and sends the host a signed GitHub push
# webhook for one branch, shaped as GitHub sends it.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: samples/push-sample.sh [options] [REPO_DIR]

Copies samples/hello-service into REPO_DIR (default /tmp/hello-service-repo), commits on a branch and
POSTs a signed GitHub push webhook to the host.

Options:
  -b, --branch NAME       branch to push (default: dev)
      --unhealthy         make this version fail its health check (commits an UNHEALTHY file)
  -u, --url URL           webhook URL (default: $WEBHOOK_URL or http://localhost:7071/api/github/webhook)
  -r, --repository O/N    repository full_name in the payload (default: local/hello-service)
  -m, --message TEXT      commit message (default: "Update hello-service")
      --dry-run           print the headers and the payload instead of sending them
  -h, --help              show this help

Environment:
  GITHUB_WEBHOOK_SECRET   the webhook secret the host checks X-Hub-Signature-256 against (required)
USAGE
}

die() {
  printf 'push-sample: %s\n' "$1" >&2
  exit "${2:-1}"
}

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sample_dir="$script_dir/hello-service"
repo_dir="/tmp/hello-service-repo"
branch="dev"
unhealthy=false
url="${WEBHOOK_URL:-http://localhost:7071/api/github/webhook}"
full_name="local/hello-service"
message="Update hello-service"
dry_run=false

while [[ $# -gt 0 ]]; do
  case "$1" in
    -b|--branch) [[ $# -ge 2 ]] || die "$1 needs a value"; branch="$2"; shift 2 ;;
    --unhealthy) unhealthy=true; shift ;;
    -u|--url) [[ $# -ge 2 ]] || die "$1 needs a value"; url="$2"; shift 2 ;;
    -r|--repository) [[ $# -ge 2 ]] || die "$1 needs a value"; full_name="$2"; shift 2 ;;
    -m|--message) [[ $# -ge 2 ]] || die "$1 needs a value"; message="$2"; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option $1" 2 ;;
    *) repo_dir="$1"; shift ;;
  esac
done

[[ "$full_name" == */* ]] || die "--repository must look like owner/name (was '$full_name')" 2
git check-ref-format --branch "$branch" >/dev/null 2>&1 || die "'$branch' is not a valid branch name" 2
[[ -n "${GITHUB_WEBHOOK_SECRET:-}" ]] || die "set GITHUB_WEBHOOK_SECRET to the host's webhook secret"
for tool in git node openssl curl tar; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is required"
done

zero_sha="0000000000000000000000000000000000000000"
mkdir -p "$repo_dir"
repo_dir="$(cd "$repo_dir" && pwd)"
if [[ ! -d "$repo_dir/.git" ]]; then
  git init -q -b "$branch" "$repo_dir"
  git -C "$repo_dir" config user.name "Sample Pusher"
  git -C "$repo_dir" config user.email "pusher@example.com"
fi

before="$(git -C "$repo_dir" rev-parse -q --verify "refs/heads/$branch" || echo "$zero_sha")"
if [[ "$before" != "$zero_sha" ]]; then
  git -C "$repo_dir" checkout -q "$branch"
elif git -C "$repo_dir" rev-parse -q --verify HEAD >/dev/null; then
  git -C "$repo_dir" checkout -q -b "$branch"
else
  git -C "$repo_dir" symbolic-ref HEAD "refs/heads/$branch"
fi

tar -C "$sample_dir" --exclude=./out --exclude=./UNHEALTHY -cf - . | tar -C "$repo_dir" -xf -
if [[ "$unhealthy" == true ]]; then
  printf 'This version fails its health check on purpose (push-sample.sh --unhealthy).\n' > "$repo_dir/UNHEALTHY"
else
  rm -f "$repo_dir/UNHEALTHY"
fi

git -C "$repo_dir" add -A
git -C "$repo_dir" commit -q --allow-empty -m "$message"
after="$(git -C "$repo_dir" rev-parse HEAD)"

payload_file="$(mktemp)"
trap 'rm -f "$payload_file"' EXIT
delivery="$(node -e 'console.log(require("node:crypto").randomUUID())')"

# shellcheck disable=SC2016 # the ${...} are JavaScript template literals, not shell expansions
payload_script='
const env = process.env;
const [owner, name] = env.FULL_NAME.split("/");
const html = `https://github.com/${env.FULL_NAME}`;
const zero = "0".repeat(40);
const author = { name: env.AUTHOR_NAME, email: env.AUTHOR_EMAIL, username: env.PUSHER };
const commit = {
  id: env.AFTER, tree_id: env.TREE_ID, distinct: true, message: env.COMMIT_MESSAGE.trim(),
  timestamp: env.COMMIT_TIME, url: `${html}/commit/${env.AFTER}`,
  author, committer: author, added: [], removed: [], modified: [],
};
const payload = {
  ref: env.REF, before: env.BEFORE, after: env.AFTER,
  repository: {
    id: 1, name, full_name: env.FULL_NAME, private: false,
    owner: { name: owner, email: null, login: owner, id: 1, type: "User" },
    html_url: html, url: html, clone_url: `${html}.git`, git_url: `git://github.com/${env.FULL_NAME}.git`,
    ssh_url: `git@github.com:${env.FULL_NAME}.git`, default_branch: "main", master_branch: "main",
  },
  pusher: { name: env.PUSHER, email: env.AUTHOR_EMAIL },
  sender: { login: env.PUSHER, id: 1, type: "User" },
  created: env.BEFORE === zero, deleted: false, forced: false, base_ref: null,
  compare: `${html}/compare/${env.BEFORE.slice(0, 12)}...${env.AFTER.slice(0, 12)}`,
  commits: [commit], head_commit: commit,
};
process.stdout.write(JSON.stringify(payload));
'

REF="refs/heads/$branch" BEFORE="$before" AFTER="$after" FULL_NAME="$full_name" \
COMMIT_MESSAGE="$(git -C "$repo_dir" log -1 --format=%B)" \
COMMIT_TIME="$(git -C "$repo_dir" log -1 --format=%cI)" \
TREE_ID="$(git -C "$repo_dir" log -1 --format=%T)" \
AUTHOR_NAME="$(git -C "$repo_dir" log -1 --format=%an)" \
AUTHOR_EMAIL="$(git -C "$repo_dir" log -1 --format=%ae)" \
PUSHER="${GITHUB_USER:-${USER:-sample-pusher}}" \
node -e "$payload_script" > "$payload_file"

signature="sha256=$(openssl dgst -sha256 -hmac "$GITHUB_WEBHOOK_SECRET" "$payload_file" | awk '{print $NF}')"

printf 'Pushed %s to %s (%s) in %s%s\n' "${after:0:12}" "$branch" "$full_name" "$repo_dir" \
  "$([[ "$unhealthy" == true ]] && printf ' [UNHEALTHY]')"
printf 'The host clones it from file://%s (configure that clone URL for %s).\n' "$repo_dir" "$full_name"

if [[ "$dry_run" == true ]]; then
  printf 'POST %s\nContent-Type: application/json\nUser-Agent: GitHub-Hookshot/push-sample\nX-GitHub-Event: push\nX-GitHub-Delivery: %s\nX-Hub-Signature-256: %s\n\n' \
    "$url" "$delivery" "$signature"
  cat "$payload_file"
  printf '\n'
  exit 0
fi

response_file="$(mktemp)"
trap 'rm -f "$payload_file" "$response_file"' EXIT
status="$(curl -sS -o "$response_file" -w '%{http_code}' -X POST "$url" \
  -H 'Content-Type: application/json' \
  -H 'User-Agent: GitHub-Hookshot/push-sample' \
  -H 'X-GitHub-Event: push' \
  -H "X-GitHub-Delivery: $delivery" \
  -H "X-Hub-Signature-256: $signature" \
  --data-binary "@$payload_file")" || die "could not reach $url"

printf 'Webhook delivery %s: HTTP %s\n' "$delivery" "$status"
cat "$response_file"
printf '\n'
[[ "$status" == 2* ]] || exit 1
