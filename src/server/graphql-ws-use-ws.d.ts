// tsconfig resolves packages the node10 way, which ignores package.json "exports" subpaths;
// Node and tsx honour them. The declarations are the package's own.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
