/** The CSV of a comparison page: exactly the rows and columns its table shows (src/lib/compare.ts). */
import type { APIRoute } from 'astro';
import { documents } from '../../lib/data';
import { compareCsv, compareRows, compareScopes, type CompareScope } from '../../lib/compare';
import { shard } from '../../lib/shard';

export async function getStaticPaths() {
  return shard(compareScopes(await documents()).map((scope) => ({ params: { scope: scope.slug }, props: { scope } })));
}

export const GET: APIRoute = ({ props }) => {
  const { scope } = props as { scope: CompareScope };
  return new Response(compareCsv(compareRows(scope.docs)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
