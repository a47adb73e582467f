import { graphql } from "./gql";

// Every operation the explorer sends; their result types are generated from
// ../schema.graphql by GraphQL Code Generator (npm run codegen).

export const SearchOptionsQuery = graphql(`
  query SearchOptions {
    topics { id name claimCount }
    people(first: 100) { edges { node { id name } } }
    sources(first: 100) { edges { node { id title publisher { name } } } }
  }
`);

export const SearchClaimsQuery = graphql(`
  query SearchClaims($filter: ClaimFilter, $first: Int!, $after: String, $facets: [String!]) {
    claims(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        score
        snippet { text start assertionId highlights { start end } }
        node {
          id
          text
          firstAsserted
          quantity { value unit qualifier }
          topics { id name }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
    claimFacets(filter: $filter, facets: $facets, buckets: 8) {
      claims
      assertions
      facets { name values buckets { key label claims } }
    }
  }
`);

export const ClaimProvenanceQuery = graphql(`
  query ClaimProvenance($claimId: ID!) {
    provenance(claimId: $claimId) {
      claim {
        id
        text
        quantity { value unit qualifier }
        refersTo { date precision }
        firstAsserted
        topics { id name }
      }
      independentSourceCount
      independentSourceCountWithRefinements
      assertions {
        id
        speaker { __typename id name }
        stance
        mode
        hedge
        quote
        quoteVerified
        span { start end }
        rating
        retractedAt
        when { basis date { date precision } notBefore notAfter }
        source {
          id
          globalId
          title
          url
          kind
          published { date precision }
          publisher { id name }
          authors { __typename id name }
        }
        citationChain {
          id
          speaker { __typename id name }
          mode
          stance
          quote
          sourceId
          sourceTitle
          claimId
          when { basis date { date precision } notAfter }
        }
      }
      conflicts {
        kind
        note
        otherClaim { id text }
        thisSide { id speaker { __typename id name } stance sourceTitle when { basis date { date precision } notAfter } }
        otherSide { id speaker { __typename id name } stance sourceTitle when { basis date { date precision } notAfter } }
      }
    }
  }
`);

export const SourceTextsQuery = graphql(`
  query SourceTexts($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Source { __typename id text }
    }
  }
`);


export const PersonPositionsQuery = graphql(`
  query PersonPositions($id: ID!) {
    person(id: $id) {
      id
      name
      aliases
      assertionCount
      affiliations { organization { id name } role asOf { date precision } }
    }
    supports: claims(filter: { personId: $id, stance: SUPPORTS }, first: 100) {
      edges { node { id text topics { id name } } }
      pageInfo { hasNextPage }
    }
    refutes: claims(filter: { personId: $id, stance: REFUTES }, first: 100) {
      edges { node { id text topics { id name } } }
      pageInfo { hasNextPage }
    }
    undecided: claims(filter: { personId: $id, stance: UNDECIDED }, first: 100) {
      edges { node { id text topics { id name } } }
      pageInfo { hasNextPage }
    }
  }
`);

export const OrganizationPositionsQuery = graphql(`
  query OrganizationPositions($id: ID!) {
    organization(id: $id) { id name kind }
    supports: claims(filter: { personId: $id, stance: SUPPORTS }, first: 100) {
      edges { node { id text topics { id name } } }
      pageInfo { hasNextPage }
    }
    refutes: claims(filter: { personId: $id, stance: REFUTES }, first: 100) {
      edges { node { id text topics { id name } } }
      pageInfo { hasNextPage }
    }
    undecided: claims(filter: { personId: $id, stance: UNDECIDED }, first: 100) {
      edges { node { id text topics { id name } } }
      pageInfo { hasNextPage }
    }
  }
`);

export const CompareOptionsQuery = graphql(`
  query CompareOptions {
    topics { id name claimCount }
    people(first: 100) { edges { node { id name assertionCount } } }
  }
`);

export const ComparePositionsQuery = graphql(`
  query ComparePositions($personIds: [ID!]!, $topicId: ID) {
    comparePositions(personIds: $personIds, topicId: $topicId) {
      people { id name }
      rows {
        claim { id text }
        positions { person { id } stance quote assertionId }
      }
      pairs {
        first { id name }
        second { id name }
        agreements
        onlyFirst
        onlySecond
        agreementRatio
        disagreements { kind firstClaimId secondClaimId conflictKind note }
      }
    }
  }
`);

// Candidates are read with a bearer token (ReviewPage sends it); the assertions they
// compare come with them, in the same request.
export const ReviewCandidatesQuery = graphql(`
  query ReviewCandidates($filter: CandidateFilter, $first: Int!, $after: String) {
    candidates(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          id
          kind
          status
          explanation
          recordedAt
          reason { rule score threshold }
          firstClaim { id text }
          secondClaim { id text }
          firstAssertion {
            id stance quote
            speaker { __typename id name }
            when { basis date { date precision } notAfter }
            source { id title }
          }
          secondAssertion {
            id stance quote
            speaker { __typename id name }
            when { basis date { date precision } notAfter }
            source { id title }
          }
          reviews { id action by reason recordedAt link linkCreated }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ConfirmCandidateMutation = graphql(`
  mutation ConfirmCandidate($id: ID!) {
    confirmCandidate(id: $id) {
      id
      status
      reviews { id action by reason recordedAt link linkCreated }
    }
  }
`);

export const RejectCandidateMutation = graphql(`
  mutation RejectCandidate($id: ID!, $reason: String!) {
    rejectCandidate(id: $id, reason: $reason) {
      id
      status
      reviews { id action by reason recordedAt link linkCreated }
    }
  }
`);

export const UndoCandidateReviewMutation = graphql(`
  mutation UndoCandidateReview($id: ID!, $reason: String!) {
    undoCandidateReview(id: $id, reason: $reason) {
      id
      status
      reviews { id action by reason recordedAt link linkCreated }
    }
  }
`);
