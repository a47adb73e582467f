import type { CodegenConfig } from "@graphql-codegen/cli";

// Typed operations from the API's own schema file: every query the explorer sends is
// written in src/ with graphql(`...`) and checked against ../schema.graphql.
const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: "string" },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
