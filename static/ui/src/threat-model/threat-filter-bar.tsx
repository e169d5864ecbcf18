import SearchIcon from '@atlaskit/icon/core/search';
import { Box, Inline } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import type { ChangeEvent } from 'react';
import type { SeverityBand } from '../../../../src/domain/threat-model/severity';
import { STRIDE, STRIDE_NAMES, type StrideCategory } from '../../../../src/domain/threat-model/stride';
import { CheckboxLabel } from '../common/checkbox-label';
import { SEVERITY_BANDS, type ThreatFilter } from './threat-filters';

interface Option<T> {
  value: T;
  label: string;
}

const STRIDE_OPTIONS: Option<StrideCategory>[] = STRIDE.map((category) => ({
  value: category,
  label: `${category} — ${STRIDE_NAMES[category]}`,
}));
const BAND_OPTIONS: Option<SeverityBand>[] = SEVERITY_BANDS.map((band) => ({ value: band, label: band }));

const TEXT_STYLE = { flex: '1 1 16rem', maxWidth: '24rem' };
const SELECT_STYLE = { flex: '0 1 14rem', minWidth: '11rem' };

interface Props {
  filter: ThreatFilter;
  onChange: (filter: ThreatFilter) => void;
}

export function ThreatFilterBar({ filter, onChange }: Props) {
  const update = (patch: Partial<ThreatFilter>) => onChange({ ...filter, ...patch });
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap>
      <Box style={TEXT_STYLE}>
        <Textfield
          aria-label="Filter threats"
          placeholder="Filter by ID, title or component"
          value={filter.text}
          elemBeforeInput={
            <Box paddingInlineStart="space.075">
              <SearchIcon label="" color="currentColor" />
            </Box>
          }
          onChange={(event: ChangeEvent<HTMLInputElement>) => update({ text: event.currentTarget.value })}
        />
      </Box>
      <Box style={SELECT_STYLE}>
        <Select<Option<StrideCategory>>
          aria-label="STRIDE category"
          placeholder="All STRIDE categories"
          options={STRIDE_OPTIONS}
          value={STRIDE_OPTIONS.find((option) => option.value === filter.stride) ?? null}
          isClearable
          isSearchable={false}
          onChange={(option) => update({ stride: option?.value })}
        />
      </Box>
      <Box style={SELECT_STYLE}>
        <Select<Option<SeverityBand>>
          aria-label="Severity"
          placeholder="All severities"
          options={BAND_OPTIONS}
          value={BAND_OPTIONS.find((option) => option.value === filter.band) ?? null}
          isClearable
          isSearchable={false}
          onChange={(option) => update({ band: option?.value })}
        />
      </Box>
      <CheckboxLabel checked={filter.showRetired} onChange={(showRetired) => update({ showRetired })}>
        Show retired threats
      </CheckboxLabel>
    </Inline>
  );
}
