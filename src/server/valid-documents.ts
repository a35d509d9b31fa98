import type { DocumentNode, GraphQLSchema } from 'graphql';

/** Documents kept per schema; past it the oldest half goes (a client cannot grow it unbounded). */
const MAX_DOCUMENTS = 500;

/**
 * Subscribe messages' documents that parsed and validated cleanly, by text and per schema
 * (a reload starts afresh): 10,000 subscribers of one dashboard hold one AST and pay for one
 * validation, not 10,000. Only clean documents are kept, so every refusal is computed (and
 * explained) as before; cost and rate limits still run per operation.
 */
export class ValidDocuments {
  private readonly bySchema = new WeakMap<GraphQLSchema, Map<string, DocumentNode>>();

  get(schema: GraphQLSchema, text: string): DocumentNode | undefined {
    return this.bySchema.get(schema)?.get(text);
  }

  set(schema: GraphQLSchema, text: string, document: DocumentNode): void {
    let documents = this.bySchema.get(schema);
    if (!documents) {
      documents = new Map();
      this.bySchema.set(schema, documents);
    }
    if (documents.size >= MAX_DOCUMENTS) {
      let drop = documents.size / 2;
      for (const oldest of documents.keys()) {
        if (drop-- <= 0) break;
        documents.delete(oldest);
      }
    }
    documents.set(text, document);
  }
}
