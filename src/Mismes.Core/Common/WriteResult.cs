namespace Mismes.Core.Common;

public enum WriteOutcome
{
    /// <summary>Saved; <see cref="WriteResult{T}.Value"/> holds what was written.</summary>
    Ok,

    /// <summary>Nothing written; <see cref="WriteResult{T}.Errors"/> says which fields are wrong.</summary>
    Invalid,

    /// <summary>Nothing written: the record does not exist, or lies outside the caller's institution.</summary>
    NotFound,

    /// <summary>Nothing written: the write contradicts the current state (<see cref="WriteResult{T}.ConflictKey"/> says how).</summary>
    Conflict,
}

/// <summary>
/// The one result type of service writes, so every API maps it the same way (Ok → 200/201, Invalid → 400 validation
/// problem, NotFound → 404, Conflict → 409) and every form shows the same error summary. Not sealed on purpose: a write
/// whose conflict carries data (People's possible duplicates) adds it in a subclass and keeps this mapping.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "WriteResult<Person>.NotFound() reads as what it is; a non-generic factory would need the type argument anyway.")]
public class WriteResult<T>
{
    protected WriteResult(WriteOutcome outcome, T? value, FieldErrors? errors, string? conflictKey)
    {
        Outcome = outcome;
        Value = value;
        Errors = errors ?? new FieldErrors();
        ConflictKey = conflictKey;
    }

    public WriteOutcome Outcome { get; }

    public T? Value { get; }

    public FieldErrors Errors { get; }

    /// <summary>Resource key saying why a write conflicts; null unless <see cref="WriteOutcome.Conflict"/>.</summary>
    public string? ConflictKey { get; }

    public bool Succeeded => Outcome == WriteOutcome.Ok;

    public static WriteResult<T> Ok(T value) => new(WriteOutcome.Ok, value, null, null);

    public static WriteResult<T> Invalid(FieldErrors errors) => new(WriteOutcome.Invalid, default, errors, null);

    public static WriteResult<T> Invalid(string field, string key) => Invalid(FieldErrors.Of(field, key));

    public static WriteResult<T> NotFound() => new(WriteOutcome.NotFound, default, null, null);

    public static WriteResult<T> Conflict(string key) => new(WriteOutcome.Conflict, default, null, key);
}
