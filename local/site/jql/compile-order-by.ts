import type { OrderBy } from '@atlassianlabs/jql-ast';
import { fieldRefOf, type ResolveField } from './field-resolver';
import { byCreated, byId, type IssueOrder } from './issue-ordering';
import { sortNotSupported } from './jql-error';

const descending =
  (order: IssueOrder): IssueOrder =>
  (a, b) =>
    order(b, a);

type OrderByField = OrderBy['fields'][number];

// Jira's own order when a query has none is created DESC; the id DESC also breaks ties of
// any explicit order, so that pages of a search never overlap.
export function compileOrderBy(
  orderBy: OrderBy | undefined,
  orders: ReadonlyMap<string, IssueOrder>,
  resolveField: ResolveField,
): IssueOrder {
  const chosen = orderBy ? orderBy.fields.map((item) => orderOf(item, orders, resolveField)) : [descending(byCreated)];
  const all = [...chosen, descending(byId)];
  return (a, b) => {
    for (const order of all) {
      const result = order(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };
}

function orderOf(item: OrderByField, orders: ReadonlyMap<string, IssueOrder>, resolveField: ResolveField): IssueOrder {
  const order = orders.get(item.field.value.toLowerCase());
  if (!order) throw unsortable(item.field, resolveField);
  return item.direction?.value === 'DESC' ? descending(order) : order;
}

// A field that exists but cannot be sorted by gets Jira's "does not support sorting";
// resolving it first makes an unknown one report "does not exist".
function unsortable(field: OrderByField['field'], resolveField: ResolveField) {
  const ref = fieldRefOf(field, new Set());
  resolveField(ref);
  return sortNotSupported(ref.display);
}
