import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';
import type { PageOf } from './page-of';

interface Props {
  /** What the rows are, plural ("threats"): the pager's name and its summary say it. */
  noun: string;
  page: Pick<PageOf<unknown>, 'page' | 'pageCount' | 'first' | 'last' | 'total'>;
  onPage: (page: number) => void;
}

const number = new Intl.NumberFormat('en');

/**
 * Previous / next under a long table, with where the person is ("51-100 of 5,000 threats").
 * Absent when everything fits on one page.
 */
export function Pager({ noun, page, onPage }: Props) {
  if (page.pageCount <= 1) return null;
  const atStart = page.page === 0;
  const atEnd = page.page >= page.pageCount - 1;
  return (
    <nav aria-label={`Pages of ${noun}`}>
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Button isDisabled={atStart} onClick={() => onPage(page.page - 1)}>
          Previous
        </Button>
        <Text aria-live="polite" testId="pager-position">
          {number.format(page.first)}–{number.format(page.last)} of {number.format(page.total)} {noun} · page{' '}
          {number.format(page.page + 1)} of {number.format(page.pageCount)}
        </Text>
        <Button isDisabled={atEnd} onClick={() => onPage(page.page + 1)}>
          Next
        </Button>
      </Inline>
    </nav>
  );
}
