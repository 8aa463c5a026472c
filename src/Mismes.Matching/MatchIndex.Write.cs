namespace Mismes.Matching;

// The write path: appending a profile to the columns, row pools and postings, tombstones, compaction, and reading a
// profile back from its rows.
public sealed partial class MatchIndex
{
    private void Reset()
    {
        _ordinalById = [];
        _factIds = new Dictionary<string, int>(StringComparer.Ordinal);
        _factNames = [];
        _count = 0;
        _live = 0;
        _ids = [];
        _filter = [];
        _countrySlots = [];
        _languageSlots = [];
        _languages = new();
        _countries = new();
        _facts = new();
        _skills = new();
        _occupations = new();
        _months = new();
        _skillPostings = new SkillPosting[_vocabulary.SkillCount];
        for (int i = 0; i < _skillPostings.Length; i++)
        {
            _skillPostings[i] = new SkillPosting();
        }

        _occupationPostings = new OccupationPosting[_vocabulary.OccupationCount];
        for (int i = 0; i < _occupationPostings.Length; i++)
        {
            _occupationPostings[i] = new OccupationPosting();
        }

        _df = new int[_vocabulary.SkillCount];
    }

    private void Validate(CandidateProfile profile)
    {
        foreach (var s in profile.Skills)
        {
            _vocabulary.CheckSkill(s.Skill);
        }

        foreach (var o in profile.Occupations)
        {
            _vocabulary.CheckOccupation(o.Occupation);
        }

        if (profile.EqfLevel is < 1 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile.EqfLevel, "EQF level must be 1 to 8");
        }

        foreach (var l in profile.Languages)
        {
            IsoCode.Encode(l.Language);
        }

        foreach (string c in profile.CountriesWanted)
        {
            IsoCode.Encode(c);
        }
    }

    private void AddCore(CandidateProfile profile)
    {
        Validate(profile);
        int ordinal = _count;
        if (ordinal == _ids.Length)
        {
            int size = RowPool<int>.Grow(_ids.Length, ordinal + 1);
            Array.Resize(ref _ids, size);
            Array.Resize(ref _filter, size);
        }

        _ids[ordinal] = profile.Id;
        ulong bits = FilterRow.Live | (profile.ConsentToMatching ? FilterRow.Consent : 0) | ((ulong)(profile.EqfLevel ?? 0) << FilterRow.EqfShift);

        // Languages: one entry per language with the highest level, packed as code << 8 | level.
        var languages = profile.Languages
            .GroupBy(l => IsoCode.Encode(l.Language))
            .Select(g => ((uint)g.Key << 8) | (uint)g.Max(l => l.Level))
            .Order()
            .ToArray();
        _languages.Append(languages);
        _countries.Append(profile.CountriesWanted.Select(IsoCode.Encode).Distinct().Order().ToArray());
        var facts = new List<int>();
        foreach (string fact in profile.EligibilityFacts.Distinct(StringComparer.Ordinal))
        {
            if (!_factIds.TryGetValue(fact, out int id))
            {
                id = _factNames.Count;
                _factIds.Add(fact, id);
                _factNames.Add(fact);
            }

            facts.Add(id);
        }

        facts.Sort();
        _facts.Append(facts.ToArray());

        foreach (uint packed in languages)
        {
            int slot = Slot(_languageSlots, (ushort)(packed >> 8), FilterRow.LanguageSlots);
            bits |= slot < 0 ? FilterRow.LanguageOverflow : (ulong)(packed & 7) << (FilterRow.LanguageShift + (3 * slot));
        }

        var countries = _countries.Row(ordinal);
        bits |= countries.IsEmpty ? FilterRow.AnyCountry : 0;
        foreach (ushort country in countries)
        {
            int slot = Slot(_countrySlots, country, FilterRow.CountrySlots);
            bits |= slot < 0 ? FilterRow.CountryOverflow : 1UL << (FilterRow.CountryShift + slot);
        }

        foreach (int fact in facts)
        {
            bits |= fact < FilterRow.FactSlots ? 1UL << (FilterRow.FactShift + fact) : FilterRow.FactOverflow;
        }

        _filter[ordinal] = new FilterRow
        {
            Bits = bits,
            From = ScoringQuery.DayOf(profile.AvailableFrom, int.MinValue),
            To = ScoringQuery.DayOf(profile.AvailableTo, int.MaxValue),
        };

        // Skills: one entry per skill with its strongest evidence, sorted, packed as skill << 2 | evidence.
        var skills = profile.Skills
            .GroupBy(s => s.Skill.Value)
            .Select(g => (g.Key << 2) | Math.Clamp((int)g.Max(s => s.Evidence), 0, 3))
            .Order()
            .ToArray();
        _skills.Append(Varint.EncodeSkills(skills));

        var occupations = profile.Occupations
            .GroupBy(o => o.Occupation.Value)
            .Select(g => (Occupation: g.Key, Months: (ushort)g.Max(o => ScoringQuery.ClampMonths(o.Months))))
            .OrderBy(o => o.Occupation)
            .ToArray();
        _occupations.Append(occupations.Select(o => o.Occupation).ToArray());
        _months.Append(occupations.Select(o => o.Months).ToArray());
        foreach (var (occupation, months) in occupations)
        {
            _occupationPostings[occupation].Add(ordinal, months);
        }

        foreach (var (skill, code) in Expand(skills))
        {
            _skillPostings[skill].Add(ordinal, code);
            _df[skill]++;
        }

        _ordinalById.Add(profile.Id, ordinal);
        _count++;
        _live++;
    }

    private static int Slot(Dictionary<ushort, int> slots, ushort code, int capacity)
    {
        if (!slots.TryGetValue(code, out int slot))
        {
            slot = slots.Count < capacity ? slots.Count : -1;
            slots[code] = slot;
        }

        return slot;
    }

    /// <summary>Every skill a profile gets credit for (itself, its broader and narrower skills) with the best credit code.</summary>
    private (int Skill, byte Code)[] Expand(ReadOnlySpan<int> packedSkills)
    {
        var best = _expandScratch;
        best.Clear();
        foreach (int packed in packedSkills)
        {
            int d = packed >> 2;
            var evidence = (SkillEvidence)(packed & 3);
            Offer(d, ScoringQuery.Code(evidence, viaHierarchy: false));
            byte viaHierarchy = ScoringQuery.Code(evidence, viaHierarchy: true);
            foreach (int p in _vocabulary.Parents[d])
            {
                Offer(p, viaHierarchy);
            }

            foreach (int c in _vocabulary.Children[d])
            {
                Offer(c, viaHierarchy);
            }
        }

        return best.Select(kv => (kv.Key, kv.Value)).ToArray();

        void Offer(int skill, byte code)
        {
            if (!best.TryGetValue(skill, out byte current) || ScoringQuery.Better(_creditValue, code, current))
            {
                best[skill] = code;
            }
        }
    }

    private bool RemoveCore(long profileId)
    {
        if (!_ordinalById.Remove(profileId, out int ordinal))
        {
            return false;
        }

        _filter[ordinal].Bits &= ~FilterRow.Live;
        _live--;
        var row = _skills.Row(ordinal);
        Span<int> packed = stackalloc int[row.Length];
        int count = Varint.DecodeSkills(row, packed);
        foreach (var (skill, _) in Expand(packed[..count]))
        {
            _df[skill]--;
        }

        return true;
    }

    private void CompactIfSparse()
    {
        int dead = _count - _live;
        if (dead > 1024 && dead * 4 > _count)
        {
            CompactCore();
        }
    }

    private void CompactCore()
    {
        var profiles = new List<CandidateProfile>(_live);
        for (int ordinal = 0; ordinal < _count && _live < _count; ordinal++)
        {
            if ((_filter[ordinal].Bits & FilterRow.Live) != 0)
            {
                profiles.Add(Reconstruct(ordinal));
            }
        }

        if (_live < _count)
        {
            Reset();
            foreach (var p in profiles)
            {
                AddCore(p);
            }
        }

        Array.Resize(ref _ids, _count);
        Array.Resize(ref _filter, _count);
        _languages.TrimExcess();
        _countries.TrimExcess();
        _facts.TrimExcess();
        _skills.TrimExcess();
        _occupations.TrimExcess();
        _months.TrimExcess();
        foreach (var p in _skillPostings)
        {
            p.TrimExcess();
        }

        foreach (var p in _occupationPostings)
        {
            p.TrimExcess();
        }

        _contexts.Clear();
    }

    private CandidateProfile Reconstruct(int ordinal)
    {
        var occupations = _occupations.Row(ordinal);
        var months = _months.Row(ordinal);
        var occupationList = new OccupationExperience[occupations.Length];
        for (int i = 0; i < occupations.Length; i++)
        {
            occupationList[i] = new OccupationExperience(new OccupationId(occupations[i]), months[i]);
        }

        var row = _skills.Row(ordinal);
        Span<int> skills = stackalloc int[row.Length];
        skills = skills[..Varint.DecodeSkills(row, skills)];
        var skillList = new ProfileSkill[skills.Length];
        for (int i = 0; i < skills.Length; i++)
        {
            skillList[i] = new ProfileSkill(new SkillId(skills[i] >> 2), (SkillEvidence)(skills[i] & 3));
        }

        var languages = _languages.Row(ordinal);
        var languageList = new LanguageSkill[languages.Length];
        for (int i = 0; i < languages.Length; i++)
        {
            languageList[i] = new LanguageSkill(IsoCode.Decode((ushort)(languages[i] >> 8), upper: false), (CefrLevel)(languages[i] & 0xFF));
        }

        var countries = _countries.Row(ordinal);
        var countryList = new string[countries.Length];
        for (int i = 0; i < countries.Length; i++)
        {
            countryList[i] = IsoCode.Decode(countries[i], upper: true);
        }

        var facts = _facts.Row(ordinal);
        var factList = new string[facts.Length];
        for (int i = 0; i < facts.Length; i++)
        {
            factList[i] = _factNames[facts[i]];
        }

        return new CandidateProfile
        {
            Id = _ids[ordinal],
            Occupations = occupationList,
            Skills = skillList,
            Languages = languageList,
            EqfLevel = _filter[ordinal].Eqf == 0 ? null : _filter[ordinal].Eqf,
            AvailableFrom = _filter[ordinal].From == int.MinValue ? null : DateOnly.FromDayNumber(_filter[ordinal].From),
            AvailableTo = _filter[ordinal].To == int.MaxValue ? null : DateOnly.FromDayNumber(_filter[ordinal].To),
            CountriesWanted = countryList,
            ConsentToMatching = (_filter[ordinal].Bits & FilterRow.Consent) != 0,
            EligibilityFacts = factList,
        };
    }
}
