using System.Text.Json;
using Mismes.Core.Data;
using Mismes.Core.People;

namespace Mismes.Core.Evaluation;

/// <summary>What a capability says happened; see <see cref="OutcomeEvent"/> for each field.</summary>
public sealed record OutcomeInput
{
    public required string Kind { get; init; }
    public required Guid PersonId { get; init; }
    public required Guid InstitutionId { get; init; }
    public Guid? MeasureId { get; init; }

    /// <summary>When it happened; now when not given (a visit recorded late gives the day of the visit).</summary>
    public DateTimeOffset? At { get; init; }

    public string? Subject { get; init; }
    public string? Country { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public IReadOnlyDictionary<string, string>? Facts { get; init; }
}

/// <summary>
/// The one way every capability records an outcome. <see cref="RecordAsync"/> adds the event to the caller's unit of
/// work and does not save: the capability's own SaveChanges writes the event together with the change that caused
/// it, so there is never an outcome without its change, or the other way round. Inputs come from code (kinds are
/// constants), so a malformed one is a bug and throws.
/// </summary>
public sealed class OutcomeRecorder(AppDbContext db, PersonService people, TimeProvider clock)
{
    public const int MaxFactsLength = 2000;
    public const int MaxFacts = 20;

    public async Task RecordAsync(OutcomeInput input, CancellationToken ct)
    {
        if (!OutcomeKind.IsValid(input.Kind))
        {
            throw new ArgumentException($"Outcome kind '{input.Kind}' is not of the form capability.what.", nameof(input));
        }

        if (input.Country is { } country && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            throw new ArgumentException("Country must be an ISO 3166 alpha-2 code in capitals.", nameof(input));
        }

        if ((input.Amount is null) != (input.Currency is null))
        {
            throw new ArgumentException("An amount needs its currency, and a currency its amount.", nameof(input));
        }

        var facts = FactsJson(input.Facts);
        var person = await people.StatisticsFactsAsync(input.PersonId, ct)
            ?? throw new ArgumentException("The outcome's person does not exist.", nameof(input));

        db.Set<OutcomeEvent>().Add(new OutcomeEvent
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            PersonId = input.PersonId,
            Kind = input.Kind,
            Capability = OutcomeKind.CapabilityOf(input.Kind),
            MeasureId = input.MeasureId,
            InstitutionId = input.InstitutionId,
            At = input.At ?? clock.GetUtcNow(),
            Subject = input.Subject,
            Sex = person.Sex,
            AgeGroup = person.AgeGroup,
            RegionCode = person.RegionCode,
            EqfLevel = person.EqfLevel,
            MigrationPhase = person.MigrationPhase,
            Country = input.Country,
            Amount = input.Amount,
            Currency = input.Currency,
            Facts = facts,
            IsDemo = person.IsDemo,
        });
    }

    private static string? FactsJson(IReadOnlyDictionary<string, string>? facts)
    {
        if (facts is null || facts.Count == 0)
        {
            return null;
        }

        if (facts.Count > MaxFacts || facts.Keys.Any(k => !OutcomeKind.IsValid("x." + k)))
        {
            throw new ArgumentException($"At most {MaxFacts} facts, named in lower case with hyphens.", nameof(facts));
        }

        var json = JsonSerializer.Serialize(facts.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));
        return json.Length <= MaxFactsLength
            ? json
            : throw new ArgumentException($"Facts take at most {MaxFactsLength} characters as JSON.", nameof(facts));
    }
}
