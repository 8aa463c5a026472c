namespace Mismes.Matching;

// Hard filters inside a query: resolving the vacancy's filters to bit tests, checking a candidate, memoising the answer.
public sealed partial class MatchIndex
{
    private sealed partial class QueryExecution
    {
        private static byte[] EnsureEligibility(QueryContext context, int n)
        {
            if (context.Eligibility.Length < n)
            {
                context.Eligibility = new byte[n + (n / 8)];
            }

            return context.Eligibility;
        }

        /// <summary>Eligibility memoised per query (0 unknown, 1 excluded, 2 + language quarters): checkpoints revisit candidates.</summary>
        private bool Eligible(int ordinal, out int languageQuarters)
        {
            int memo = _eligibility[ordinal];
            if (memo == 0)
            {
                memo = CheckFilters(ordinal, out int quarters) ? 2 + Math.Min(quarters, 250) : 1;
                _eligibility[ordinal] = (byte)memo;
                context.Memoised.Add(ordinal);
            }

            languageQuarters = memo - 2;
            return memo >= 2;
        }

        /// <summary>Resolves the vacancy's filters to bit tests on <see cref="FilterRow"/>; false when nobody can pass.</summary>
        private bool ResolveFilters()
        {
            _mustHave = FilterRow.Live | FilterRow.Consent;
            var facts = new List<int>();
            foreach (string fact in q.Facts)
            {
                if (!index._factIds.TryGetValue(fact, out int id))
                {
                    return false; // nobody holds this fact
                }

                if (id < FilterRow.FactSlots)
                {
                    _mustHave |= 1UL << (FilterRow.FactShift + id);
                }
                else
                {
                    facts.Add(id);
                }
            }

            facts.Sort();
            _rowFacts = [.. facts];
            _countryBit = 0;
            if (q.Country != 0 && index._countrySlots.TryGetValue(q.Country, out int countrySlot) && countrySlot >= 0)
            {
                _countryBit = 1UL << (FilterRow.CountryShift + countrySlot);
            }

            _languageSlot = new int[q.LanguageCodes.Length];
            for (int i = 0; i < _languageSlot.Length; i++)
            {
                _languageSlot[i] = index._languageSlots.TryGetValue(q.LanguageCodes[i], out int slot) ? slot : -2;
                if (_languageSlot[i] == -2)
                {
                    return false; // nobody speaks this language
                }
            }

            return true;
        }

        private bool CheckFilters(int ordinal, out int languageQuarters)
        {
            languageQuarters = 0;
            ref readonly var row = ref index._filter[ordinal];
            ulong bits = row.Bits;
            if ((bits & _mustHave) != _mustHave || row.Eqf < q.MinimumEqf)
            {
                return false;
            }

            if (q.HasDates && (row.From > q.StartDay || row.To < q.EndDay))
            {
                return false;
            }

            if (q.Country != 0 && (bits & FilterRow.AnyCountry) == 0 && (bits & _countryBit) == 0
                && (_countryBit != 0 || (bits & FilterRow.CountryOverflow) == 0 || !index._countries.Row(ordinal).Contains(q.Country)))
            {
                return false;
            }

            for (int i = 0; i < _languageSlot.Length; i++)
            {
                int level = _languageSlot[i] >= 0 ? row.LanguageLevel(_languageSlot[i]) : RowLanguageLevel(ordinal, bits, q.LanguageCodes[i]);
                if (level < (int)q.LanguageMinimum[i])
                {
                    return false;
                }

                languageQuarters += ScoringQuery.LanguageQuarters((CefrLevel)level, q.LanguageMinimum[i]);
            }

            if (_rowFacts.Length > 0)
            {
                if ((bits & FilterRow.FactOverflow) == 0)
                {
                    return false;
                }

                var facts = index._facts.Row(ordinal);
                foreach (int f in _rowFacts)
                {
                    if (facts.BinarySearch(f) < 0)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private int RowLanguageLevel(int ordinal, ulong bits, ushort code)
        {
            if ((bits & FilterRow.LanguageOverflow) == 0)
            {
                return 0;
            }

            foreach (uint packed in index._languages.Row(ordinal))
            {
                if ((packed >> 8) == code)
                {
                    return (int)(packed & 0xFF);
                }
            }

            return 0;
        }
    }
}
