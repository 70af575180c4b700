// git-url-parse ships no types; we use only these fields (as Backstage does).
declare module 'git-url-parse' {
  interface GitUrl {
    resource: string;
    owner: string;
    name: string;
    full_name: string;
    filepath: string;
  }
  function parseGitUrl(url: string): GitUrl;
  export default parseGitUrl;
}
