import { Client, cacheExchange, fetchExchange } from "urql";

// POST for every operation: production mode answers no query sent with GET.
export const client = new Client({
  url: "/graphql",
  exchanges: [cacheExchange, fetchExchange],
  preferGetMethod: false,
});
