using System.Collections;

namespace Mismes.Core.Common;

/// <summary>
/// The one field-error type of every service write: field name → resource keys of its messages, in the order found.
/// Core never translates: the web layer turns each key into the user's language (a form's error summary, or an RFC 9457
/// validation problem's <c>errors</c> member, which has exactly this shape).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Named for what it holds in the domain's words; 'FieldErrorsDictionary' says less.")]
public sealed class FieldErrors : IReadOnlyDictionary<string, string[]>
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public static FieldErrors Of(string field, string key) => new FieldErrors().Add(field, key);

    public FieldErrors Add(string field, string key)
    {
        if (!_errors.TryGetValue(field, out var keys))
        {
            _errors[field] = keys = [];
        }

        if (!keys.Contains(key, StringComparer.Ordinal))
        {
            keys.Add(key);
        }

        return this;
    }

    public bool IsEmpty => _errors.Count == 0;

    public int Count => _errors.Count;

    public string[] this[string key] => [.. _errors[key]];

    public IEnumerable<string> Keys => _errors.Keys;

    public IEnumerable<string[]> Values => _errors.Values.Select(v => v.ToArray());

    public bool ContainsKey(string key) => _errors.ContainsKey(key);

    public bool TryGetValue(string key, out string[] value)
    {
        var found = _errors.TryGetValue(key, out var keys);
        value = found ? [.. keys!] : [];
        return found;
    }

    public IEnumerator<KeyValuePair<string, string[]>> GetEnumerator() =>
        _errors.Select(e => KeyValuePair.Create(e.Key, e.Value.ToArray())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
