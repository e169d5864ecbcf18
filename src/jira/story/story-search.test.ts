import { storySearchJql, summaryQuery, typedKey } from './story-search';

describe('the search for a story to link a threat to', () => {
  it('reads a key of the project, in any case, or its number alone; a key of another project is no key here', () => {
    expect(typedKey('PAY', ' pay-12 ')).toBe('PAY-12');
    expect(typedKey('PAY', '12')).toBe('PAY-12');
    expect(typedKey('PAY', 'SHOP-12')).toBeUndefined();
    expect(typedKey('PAY', 'card 12')).toBeUndefined();
  });

  it('searches the words of the summary, the last as a prefix, with no Lucene operator left in them', () => {
    expect(summaryQuery('save my ca')).toBe('save my ca*');
    expect(summaryQuery('card AND "stolen" OR (x) -y +z ~ \\ :')).toBe('card stolen x y z*');
    expect(summaryQuery(' -- ')).toBeUndefined();
  });

  it('keeps the project first, narrows to the counted types, leaves out mitigation tasks, newest first', () => {
    const notATask =
      'issue.property[without.task].mitigationId IS EMPTY AND (labels IS EMPTY OR labels NOT IN ("without-mitigation"))';
    expect(storySearchJql('PAY', 'saved "card"', 'issuetype in ("Story")')).toBe(
      `project = "PAY" AND issuetype in ("Story") AND ${notATask} AND summary ~ "saved card*" ORDER BY key DESC`,
    );
    expect(storySearchJql('PAY', '', undefined)).toBe(`project = "PAY" AND ${notATask} ORDER BY key DESC`);
  });
});
