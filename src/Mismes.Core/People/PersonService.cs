using System.Globalization;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Mismes.Core.Administration;
using Mismes.Core.Data;
using Mismes.Core.Common;

namespace Mismes.Core.People;

/// <summary>
/// The people registry: one record per beneficiary across all measures. Every read of a record and every change
/// is audited (RecordType "Person") in the same SaveChanges as the change, so a failed write leaves nothing behind.
/// Staff see only their own institution's people; a record of another institution is "not found".
/// </summary>
public sealed class PersonService(
    AppDbContext db, ICurrentUser user, AuditLog audit, TimeProvider clock, ILogger<PersonService> logger,
    IEnumerable<IConsentObserver>? consentObservers = null)
{
    public const string RecordType = "Person";

    /// <summary>Both first and last name keys must be at least this alike (Jaro–Winkler) to flag a duplicate.</summary>
    public const double NameThreshold = DuplicateRule.NameThreshold;

    private IQueryable<Person> Visible() => db.Set<Person>().VisibleTo(user, p => p.InstitutionId);

    public async Task<PersonWriteResult> CreateAsync(CreatePerson request, CancellationToken ct)
    {
        var errors = Validate(request);
        Guid institutionId;
        if (InstitutionScope.SeesAllInstitutions(user) && request.InstitutionId is { } chosen)
        {
            institutionId = chosen;
        }
        else if (user.InstitutionId is { } own)
        {
            institutionId = own;
        }
        else
        {
            institutionId = Guid.Empty;
            AddError(errors, "InstitutionId", PeopleErrors.Institution);
        }

        if (institutionId != Guid.Empty && !await db.Set<Institution>().AnyAsync(i => i.Id == institutionId, ct))
        {
            AddError(errors, "InstitutionId", PeopleErrors.Institution);
        }

        if (errors.Count > 0)
        {
            return PersonWriteResult.Invalid(errors);
        }

        if (!request.ConfirmedNotDuplicate)
        {
            var duplicates = await FindDuplicatesAsync(request, null, ct);
            if (duplicates.Count > 0)
            {
                return PersonWriteResult.PossibleDuplicates(duplicates);
            }
        }

        var now = clock.GetUtcNow();
        var person = new Person
        {
            Id = Guid.CreateVersion7(now),
            FirstNameLatin = "",
            LastNameLatin = "",
            InstitutionId = institutionId,
            IsDemo = request.IsDemo,
            CreatedAt = now,
        };
        Apply(person, request);
        person.Events.Add(NewEvent(PersonEventKind.Created, request.ConfirmedNotDuplicate ? "confirmedNotDuplicate" : null));
        db.Set<Person>().Add(person);
        audit.Add(AuditAction.Create, RecordType, Id(person.Id), request.ConfirmedNotDuplicate ? "confirmedNotDuplicate" : null);
        await db.SaveChangesAsync(ct);
        return PersonWriteResult.Ok(person);
    }

    /// <summary>
    /// A person registering themselves on the web (no staff member, so no institution scope): the record goes to the
    /// agency they chose, with the consents they gave (channel Web, latest notices) in the same SaveChanges. The
    /// duplicate check runs, but an anonymous visitor is never linked to an existing record (that would hand her
    /// someone else's file): a possible duplicate is created all the same and flagged in its history for an advisor
    /// to merge. The caller may run this inside its own transaction (the record and what it adds commit together).
    /// </summary>
    public async Task<PersonWriteResult> RegisterSelfAsync(CreatePerson request, Guid institutionId, IReadOnlyCollection<ConsentPurpose> consents, CancellationToken ct)
    {
        var errors = Validate(request);
        if (!await db.Set<Institution>().AnyAsync(i => i.Id == institutionId, ct))
        {
            AddError(errors, "InstitutionId", PeopleErrors.Institution);
        }

        if (errors.Count > 0)
        {
            return PersonWriteResult.Invalid(errors);
        }

        var duplicates = await FindDuplicatesAsync(request, null, ct);
        var now = clock.GetUtcNow();
        var person = new Person
        {
            Id = Guid.CreateVersion7(now),
            FirstNameLatin = "",
            LastNameLatin = "",
            InstitutionId = institutionId,
            CreatedAt = now,
        };
        Apply(person, request);
        var details = duplicates.Count > 0 ? "selfRegistered;possibleDuplicate" : "selfRegistered";
        person.Events.Add(NewEvent(PersonEventKind.Created, details));
        db.Set<Person>().Add(person);
        audit.AddFor(null, institutionId, AuditAction.Create, RecordType, Id(person.Id), details);
        var versions = await db.Set<ConsentNotice>().GroupBy(n => n.Purpose).Select(g => new { g.Key, Version = g.Max(n => n.Version) }).ToListAsync(ct);
        foreach (var purpose in consents.Distinct())
        {
            RecordConsent(person, purpose, given: true, ConsentChannel.Web, versions.FirstOrDefault(v => v.Key == purpose)?.Version ?? 0);
        }

        await db.SaveChangesAsync(ct);
        return PersonWriteResult.Ok(person);
    }

    public async Task<PersonWriteResult> UpdateAsync(Guid id, PersonFields request, CancellationToken ct)
    {
        var person = await Visible().Include(p => p.Languages).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null || person.MergedIntoId is not null)
        {
            await NoteIfOtherInstitutionAsync(id, "update", ct);
            return PersonWriteResult.NotFound();
        }

        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return PersonWriteResult.Invalid(errors);
        }

        var changed = Apply(person, request);
        if (changed.Count > 0)
        {
            var fields = string.Join(',', changed);
            db.Set<PersonEvent>().Add(NewEvent(PersonEventKind.Updated, fields, person.Id));
            audit.Add(AuditAction.Update, RecordType, Id(person.Id), fields);
            await db.SaveChangesAsync(ct);
        }

        return PersonWriteResult.Ok(person);
    }

    /// <summary>Reads one record with its consents and history; audited. Null when missing or not visible.</summary>
    public async Task<PersonRecord?> GetAsync(Guid id, CancellationToken ct)
    {
        var person = await Visible()
            .Include(p => p.Languages)
            .Include(p => p.Consents)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            await NoteIfOtherInstitutionAsync(id, "read", ct);
            return null;
        }

        var mergedFrom = await MergedFromAsync(id, ct);
        var historyOf = mergedFrom.Append(id).ToList();
        var history = await db.Set<PersonEvent>().Where(e => historyOf.Contains(e.PersonId)).ToListAsync(ct);
        await audit.RecordReadAsync(RecordType, Id(id), ct);
        return new PersonRecord(
            person,
            CurrentConsents(person.Consents),
            [.. history.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)],
            mergedFrom);
    }

    public async Task<Paged<PersonSummary>> SearchAsync(PersonSearch search, CancellationToken ct)
    {
        var paging = search.Paging;
        var query = Visible().Where(p => p.MergedIntoId == null);
        var used = new List<string>();
        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            used.Add("Text");
            var text = search.Text.Trim();
            var phone = PhoneNumbers.Normalize(text);
            if (phone is not null)
            {
                query = query.Where(p => p.Phone == phone);
            }
            else
            {
                foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var folded = NameKey.Fold(word);
                    var key = " " + NameKey.Key(word) + " ";
                    query = key.Length > 3
                        ? query.Where(p => p.SearchText.Contains(folded) || p.NameKeys.Contains(key))
                        : query.Where(p => p.SearchText.Contains(folded));
                }
            }
        }

        if (search.Status is { } status)
        {
            used.Add("Status");
            query = query.Where(p => p.MigrationStatus == status);
        }

        if (!string.IsNullOrWhiteSpace(search.RegionCode))
        {
            used.Add("RegionCode");
            query = query.Where(p => p.RegionCode == search.RegionCode);
        }

        var total = await query.CountAsync(ct);
        var items = await query
            .OrderBy(p => p.LastNameLatin).ThenBy(p => p.FirstNameLatin).ThenBy(p => p.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(p => new PersonSummary(p.Id, p.FirstNameLatin, p.LastNameLatin, p.FirstNameArabic, p.LastNameArabic,
                p.BirthDate, p.MigrationStatus, p.RegionCode, p.CountryOfResidence, p.Phone, p.Email))
            .ToListAsync(ct);

        // A result list shows names and birth dates: one entry says who searched, by what and how many were shown.
        audit.Add(AuditAction.Read, RecordType, "search",
            string.Create(CultureInfo.InvariantCulture, $"filters:{string.Join(',', used)};shown:{items.Count}"));
        await db.SaveChangesAsync(ct);
        return new Paged<PersonSummary>(items, total, paging.Page, paging.PageSize);
    }

    public async Task<PersonWriteResult> GiveConsentAsync(Guid personId, ConsentPurpose purpose, ConsentChannel channel, int? noticeVersion, CancellationToken ct)
    {
        var person = await Visible().FirstOrDefaultAsync(p => p.Id == personId && p.MergedIntoId == null, ct);
        if (person is null)
        {
            return PersonWriteResult.NotFound();
        }

        var versions = await db.Set<ConsentNotice>().Where(n => n.Purpose == purpose).Select(n => n.Version).ToListAsync(ct);
        var version = noticeVersion ?? (versions.Count > 0 ? versions.Max() : 0);
        if (!versions.Contains(version))
        {
            return PersonWriteResult.Invalid("NoticeVersion", PeopleErrors.NoticeVersion);
        }

        RecordConsent(person, purpose, given: true, channel, version);
        await db.SaveChangesAsync(ct);
        return PersonWriteResult.Ok(person);
    }

    /// <summary>The records merged into <paramref name="id"/> (their history and outcomes are its own).</summary>
    public async Task<IReadOnlyList<Guid>> MergedFromAsync(Guid id, CancellationToken ct) =>
        await db.Set<Person>().Where(p => p.MergedIntoId == id).Select(p => p.Id).ToListAsync(ct);

    /// <summary>
    /// The disaggregation facts of a person (merged records answer for the record they were merged into), for a
    /// capability recording an outcome event about someone it already works with. Not audited and not scoped by
    /// institution on purpose: nothing in it identifies the person, and the event it goes into is recorded by the
    /// capability that had the right to act. Null when the id is no person.
    /// </summary>
    public async Task<PersonStatisticsFacts?> StatisticsFactsAsync(Guid personId, CancellationToken ct)
    {
        var person = await db.Set<Person>().AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new { p.Sex, p.BirthDate, p.RegionCode, p.EqfLevel, p.MigrationStatus, p.IsDemo })
            .FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new(person.Sex.ToString(), PersonStatisticsFacts.AgeGroupOf(person.BirthDate, today), person.RegionCode,
            person.EqfLevel, person.MigrationStatus.ToString(), person.IsDemo);
    }

    /// <summary>As easy as giving: one call; a purpose not currently given is left as it is.</summary>
    public Task<PersonWriteResult> WithdrawConsentAsync(Guid personId, ConsentPurpose purpose, ConsentChannel channel, CancellationToken ct) =>
        WithdrawConsentAsync(Visible(), personId, purpose, channel, ct);

    /// <summary>
    /// A beneficiary withdrawing their own consent on the web: <see cref="MyRecordService"/> found the record from their
    /// account (not from the institution scope, which is for staff); recorded exactly as a staff withdrawal is.
    /// </summary>
    internal Task<PersonWriteResult> WithdrawOwnConsentAsync(Guid ownPersonId, ConsentPurpose purpose, CancellationToken ct) =>
        WithdrawConsentAsync(db.Set<Person>(), ownPersonId, purpose, ConsentChannel.Web, ct);

    private async Task<PersonWriteResult> WithdrawConsentAsync(IQueryable<Person> scope, Guid personId, ConsentPurpose purpose, ConsentChannel channel, CancellationToken ct)
    {
        var person = await scope.FirstOrDefaultAsync(p => p.Id == personId && p.MergedIntoId == null, ct);
        if (person is null)
        {
            return PersonWriteResult.NotFound();
        }

        var latest = await db.Set<ConsentRecord>()
            .Where(c => c.PersonId == personId && c.Purpose == purpose)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(ct);
        if (latest is { Given: true })
        {
            RecordConsent(person, purpose, given: false, channel, latest.NoticeVersion);
            await db.SaveChangesAsync(ct);
        }

        return PersonWriteResult.Ok(person);
    }

    /// <summary>
    /// Records that may be the same person (<see cref="DuplicateRule"/>): a similar name with the same, swapped or
    /// (more strictly) the same year's birth date, or the same phone or e-mail. Looks across all institutions, but
    /// tells only the fact for records the user cannot see.
    /// </summary>
    public async Task<IReadOnlyList<DuplicateCandidate>> FindDuplicatesAsync(PersonFields fields, Guid? excludeId, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalize(fields.Phone);
        var email = NormalizeEmail(fields.Email);
        var birthDate = fields.BirthDate;
        if (birthDate is null && phone is null && email is null)
        {
            return [];
        }

        var query = new PersonIdentity(fields.FirstNameLatin, fields.LastNameLatin, fields.FirstNameArabic, fields.LastNameArabic, birthDate, phone, email);

        // The year rule fetches only people of that year who share a family-name key, so a common year stays cheap.
        var (swapped, yearStart, yearEnd) = birthDate is { } d ? DuplicateRule.DatesToFetch(d) : (null, DateOnly.MaxValue, DateOnly.MinValue);
        var latinKey = LongestKey(fields.LastNameLatin);
        var arabicKey = LongestKey(fields.LastNameArabic);
        var rows = await db.Set<Person>()
            .Where(p => p.MergedIntoId == null && p.Id != excludeId)
            .Where(p => p.BirthDate == birthDate || p.BirthDate == swapped
                || (p.BirthDate >= yearStart && p.BirthDate <= yearEnd
                    && ((latinKey != null && p.NameKeys.Contains(latinKey)) || (arabicKey != null && p.NameKeys.Contains(arabicKey))))
                || (phone != null && p.Phone == phone) || (email != null && p.Email == email))
            .Select(p => new
            {
                p.Id, p.InstitutionId, p.FirstNameLatin, p.LastNameLatin, p.FirstNameArabic, p.LastNameArabic,
                p.BirthDate, p.Phone, p.Email,
            })
            .Take(500)
            .ToListAsync(ct);

        // A hit in another institution is told only on the full identity (names and birth date), never on a phone
        // or e-mail alone (one address would be enough to learn that someone is registered elsewhere), and tells
        // nothing of that record. Every hit is audited: the ones shown are disclosures, the others are probes.
        var fullIdentity = !string.IsNullOrWhiteSpace(fields.FirstNameLatin) && !string.IsNullOrWhiteSpace(fields.LastNameLatin) && birthDate is not null;
        var candidates = new List<DuplicateCandidate>();
        var withheld = 0;
        foreach (var row in rows)
        {
            var match = DuplicateRule.Compare(query, new PersonIdentity(
                row.FirstNameLatin, row.LastNameLatin, row.FirstNameArabic, row.LastNameArabic, row.BirthDate, row.Phone, row.Email));
            if (match is null)
            {
                continue;
            }

            if (InstitutionScope.CanSee(user, row.InstitutionId))
            {
                candidates.Add(new DuplicateCandidate(row.Id, $"{row.FirstNameLatin} {row.LastNameLatin}", row.BirthDate, match.Reasons, match.NameSimilarity, InOtherInstitution: row.InstitutionId != user.InstitutionId));
                audit.Add(AuditAction.Read, RecordType, Id(row.Id), "duplicate-check");
            }
            else if (fullIdentity && match.Reasons.Any(IsNameAndDate))
            {
                candidates.Add(new DuplicateCandidate(null, null, null, [], 0, InOtherInstitution: true));
                audit.Add(AuditAction.Read, RecordType, Id(row.Id), "duplicate-check;other-institution");
            }
            else
            {
                withheld++;
                audit.Add(AuditAction.Read, RecordType, Id(row.Id), "duplicate-check;withheld");
            }
        }

        if (withheld > 0)
        {
            SecurityEvents.OtherInstitutionRecord(logger, RecordType, "duplicate-check", user.UserId, user.InstitutionId, user.ClientAddress);
        }

        if (db.ChangeTracker.HasChanges())
        {
            // Saved here, not with the caller's write: a create that stops at "possible duplicates" saves nothing else.
            await db.SaveChangesAsync(ct);
        }

        return [.. candidates.OrderByDescending(c => c.Reasons.Count).ThenByDescending(c => c.NameSimilarity)];
    }

    private static bool IsNameAndDate(DuplicateReason reason) =>
        reason is DuplicateReason.SimilarNameSameBirthDate or DuplicateReason.SimilarNameSwappedBirthDate or DuplicateReason.SimilarNameSameBirthYear;

    /// <summary>A record that exists but is not the user's to see is answered "not found", and logged as a security event.</summary>
    private async Task NoteIfOtherInstitutionAsync(Guid id, string operation, CancellationToken ct)
    {
        if (await db.Set<Person>().AnyAsync(p => p.Id == id, ct) && !await Visible().AnyAsync(p => p.Id == id, ct))
        {
            SecurityEvents.OtherInstitutionRecord(logger, RecordType, operation, user.UserId, user.InstitutionId, user.ClientAddress);
        }
    }

    /// <summary>" key " of the longest word of a family name, as stored in <see cref="Person.NameKeys"/>; null when none.</summary>
    private static string? LongestKey(string? name) =>
        NameKey.TokenKeys(name).OrderByDescending(k => k.Length).Select(k => " " + k + " ").FirstOrDefault();

    public static IReadOnlyDictionary<ConsentPurpose, ConsentRecord> CurrentConsents(IEnumerable<ConsentRecord> records) =>
        records.GroupBy(c => c.Purpose)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).First());

    private void RecordConsent(Person person, ConsentPurpose purpose, bool given, ConsentChannel channel, int version)
    {
        var now = clock.GetUtcNow();
        db.Set<ConsentRecord>().Add(new ConsentRecord
        {
            PersonId = person.Id, Purpose = purpose, Given = given, At = now, Channel = channel,
            NoticeVersion = version, UserId = user.UserId,
        });
        var details = string.Create(CultureInfo.InvariantCulture, $"{purpose};channel:{channel};notice:v{version}");
        db.Set<PersonEvent>().Add(NewEvent(given ? PersonEventKind.ConsentGiven : PersonEventKind.ConsentWithdrawn, details, person.Id));
        audit.Add(given ? AuditAction.ConsentGiven : AuditAction.ConsentWithdrawn, RecordType, Id(person.Id), details);
        person.UpdatedAt = now;
        foreach (var observer in consentObservers ?? [])
        {
            observer.ConsentRecorded(person.Id, purpose, given);
        }
    }

    private PersonEvent NewEvent(PersonEventKind kind, string? details, Guid personId = default) =>
        PersonEvent.By(user, clock.GetUtcNow(), personId, kind, details);

    /// <summary>Copies the request onto the entity; returns the names of the fields that changed.</summary>
    private List<string> Apply(Person person, PersonFields request)
    {
        var changed = new List<string>();
        void Set<T>(string name, T current, T value, Action<T> assign)
        {
            if (!EqualityComparer<T>.Default.Equals(current, value))
            {
                assign(value);
                changed.Add(name);
            }
        }

        Set(nameof(Person.FirstNameLatin), person.FirstNameLatin, request.FirstNameLatin.Trim(), v => person.FirstNameLatin = v);
        Set(nameof(Person.LastNameLatin), person.LastNameLatin, request.LastNameLatin.Trim(), v => person.LastNameLatin = v);
        Set(nameof(Person.FirstNameArabic), person.FirstNameArabic, Clean(request.FirstNameArabic), v => person.FirstNameArabic = v);
        Set(nameof(Person.LastNameArabic), person.LastNameArabic, Clean(request.LastNameArabic), v => person.LastNameArabic = v);
        Set(nameof(Person.BirthDate), person.BirthDate, request.BirthDate!.Value, v => person.BirthDate = v);
        Set(nameof(Person.Sex), person.Sex, request.Sex!.Value, v => person.Sex = v);
        Set(nameof(Person.Phone), person.Phone, PhoneNumbers.Normalize(request.Phone), v => person.Phone = v);
        Set(nameof(Person.Email), person.Email, NormalizeEmail(request.Email), v => person.Email = v);
        Set(nameof(Person.RegionCode), person.RegionCode, Clean(request.RegionCode)?.ToUpperInvariant(), v => person.RegionCode = v);
        Set(nameof(Person.ProvinceCode), person.ProvinceCode, Clean(request.ProvinceCode)?.ToUpperInvariant(), v => person.ProvinceCode = v);
        Set(nameof(Person.CountryOfResidence), person.CountryOfResidence, (Clean(request.CountryOfResidence) ?? "MA").ToUpperInvariant(), v => person.CountryOfResidence = v);
        Set(nameof(Person.MigrationStatus), person.MigrationStatus, request.MigrationStatus!.Value, v => person.MigrationStatus = v);
        Set(nameof(Person.IscedLevel), person.IscedLevel, request.IscedLevel, v => person.IscedLevel = v);
        Set(nameof(Person.EqfLevel), person.EqfLevel, request.EqfLevel, v => person.EqfLevel = v);
        Set(nameof(Person.Notes), person.Notes, Clean(request.Notes), v => person.Notes = v);

        var wanted = request.Languages.ToDictionary(l => l.Language.Trim().ToLowerInvariant(), l => l.Level, StringComparer.Ordinal);
        var languagesChanged = false;
        foreach (var existing in person.Languages.ToList())
        {
            if (!wanted.TryGetValue(existing.Language, out var level))
            {
                person.Languages.Remove(existing);
                languagesChanged = true;
            }
            else if (existing.Level != level)
            {
                existing.Level = level;
                languagesChanged = true;
            }
        }

        foreach (var (language, level) in wanted)
        {
            if (!person.Languages.Any(l => l.Language == language))
            {
                person.Languages.Add(new PersonLanguage { Language = language, Level = level });
                languagesChanged = true;
            }
        }

        if (languagesChanged)
        {
            changed.Add(nameof(Person.Languages));
        }

        if (changed.Count > 0)
        {
            person.UpdatedAt = clock.GetUtcNow();
            person.RefreshSearchColumns();
        }

        return changed;
    }

    /// <summary>Field errors (resource keys) of a request, without touching the database.</summary>
    public Dictionary<string, string[]> Validate(PersonFields r)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        RequiredName(errors, nameof(r.FirstNameLatin), r.FirstNameLatin, arabic: false, required: true);
        RequiredName(errors, nameof(r.LastNameLatin), r.LastNameLatin, arabic: false, required: true);
        RequiredName(errors, nameof(r.FirstNameArabic), r.FirstNameArabic, arabic: true, required: false);
        RequiredName(errors, nameof(r.LastNameArabic), r.LastNameArabic, arabic: true, required: false);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (r.BirthDate is not { } birth)
        {
            AddError(errors, nameof(r.BirthDate), PeopleErrors.Required);
        }
        else if (birth > today)
        {
            AddError(errors, nameof(r.BirthDate), PeopleErrors.BirthDateFuture);
        }
        else if (birth < today.AddYears(-120))
        {
            AddError(errors, nameof(r.BirthDate), PeopleErrors.BirthDateTooOld);
        }

        if (r.Sex is null)
        {
            AddError(errors, nameof(r.Sex), PeopleErrors.Required);
        }
        else if (!Enum.IsDefined(r.Sex.Value))
        {
            AddError(errors, nameof(r.Sex), PeopleErrors.InvalidValue);
        }

        if (r.MigrationStatus is null)
        {
            AddError(errors, nameof(r.MigrationStatus), PeopleErrors.Required);
        }
        else if (!Enum.IsDefined(r.MigrationStatus.Value))
        {
            AddError(errors, nameof(r.MigrationStatus), PeopleErrors.InvalidValue);
        }

        if (!string.IsNullOrWhiteSpace(r.Phone) && PhoneNumbers.Normalize(r.Phone) is null)
        {
            AddError(errors, nameof(r.Phone), PeopleErrors.Phone);
        }

        if (!string.IsNullOrWhiteSpace(r.Email) && (r.Email.Trim().Length > 254 || NormalizeEmail(r.Email) is null))
        {
            AddError(errors, nameof(r.Email), PeopleErrors.Email);
        }

        var region = Clean(r.RegionCode);
        if (region is not null && MoroccanRegions.Find(region) is null)
        {
            AddError(errors, nameof(r.RegionCode), PeopleErrors.Region);
        }

        var province = Clean(r.ProvinceCode);
        if (province is not null && (region is null || !MoroccanRegions.IsProvinceOf(region, province)))
        {
            AddError(errors, nameof(r.ProvinceCode), PeopleErrors.Province);
        }

        var country = Clean(r.CountryOfResidence);
        if (country is not null && !IsCountryCode(country))
        {
            AddError(errors, nameof(r.CountryOfResidence), PeopleErrors.Country);
        }

        if (r.IscedLevel is < 0 or > 8)
        {
            AddError(errors, nameof(r.IscedLevel), PeopleErrors.Isced);
        }

        if (r.EqfLevel is < 1 or > 8)
        {
            AddError(errors, nameof(r.EqfLevel), PeopleErrors.Eqf);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var languageCount = TextRules.CheckCount(errors, nameof(r.Languages), r.Languages, MaxLanguages) ? r.Languages.Count : 0;
        for (var i = 0; i < languageCount; i++)
        {
            var code = r.Languages[i].Language?.Trim().ToLowerInvariant() ?? "";
            var field = string.Create(CultureInfo.InvariantCulture, $"Languages[{i}]");
            if (code.Length != 2 || !code.All(char.IsAsciiLetterLower) || !Enum.IsDefined(r.Languages[i].Level))
            {
                AddError(errors, field, PeopleErrors.Language);
            }
            else if (!seen.Add(code))
            {
                AddError(errors, field, PeopleErrors.LanguageTwice);
            }
        }

        if (r.Notes is { Length: > 4000 })
        {
            AddError(errors, nameof(r.Notes), PeopleErrors.TooLong);
        }

        foreach (var (field, value) in new[]
        {
            (nameof(r.FirstNameLatin), r.FirstNameLatin), (nameof(r.LastNameLatin), r.LastNameLatin),
            (nameof(r.FirstNameArabic), r.FirstNameArabic), (nameof(r.LastNameArabic), r.LastNameArabic),
            (nameof(r.Phone), r.Phone), (nameof(r.Email), r.Email), (nameof(r.RegionCode), r.RegionCode),
            (nameof(r.ProvinceCode), r.ProvinceCode), (nameof(r.CountryOfResidence), r.CountryOfResidence),
        })
        {
            TextRules.Check(errors, field, value);
        }

        TextRules.Check(errors, nameof(r.Notes), r.Notes, multiLine: true);
        return errors;
    }

    /// <summary>More languages than anyone speaks is a malformed request, not a person.</summary>
    public const int MaxLanguages = 20;

    private static void RequiredName(Dictionary<string, string[]> errors, string field, string? value, bool arabic, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                AddError(errors, field, PeopleErrors.Required);
            }

            return;
        }

        if (value.Trim().Length > 100)
        {
            AddError(errors, field, PeopleErrors.TooLong);
        }
        else if (arabic && !value.Any(c => c is >= '\u0600' and <= '\u06FF'))
        {
            AddError(errors, field, PeopleErrors.ArabicScript);
        }
        else if (!arabic && value.Any(c => c is >= '\u0600' and <= '\u06FF'))
        {
            AddError(errors, field, PeopleErrors.LatinScript);
        }
    }

    private static bool IsCountryCode(string code)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiLetter))
        {
            return false;
        }

        try
        {
            return string.Equals(new RegionInfo(code.ToUpperInvariant()).TwoLetterISORegionName, code.ToUpperInvariant(), StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    internal static string? NormalizeEmail(string? email)
    {
        var value = Clean(email);
        if (value is null || !MailAddress.TryCreate(value, out var address) || !string.Equals(address.Address, value, StringComparison.Ordinal)
            || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        return value.ToLowerInvariant();
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void AddError(Dictionary<string, string[]> errors, string field, string key) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, key] : [key];

    private static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}
