using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Mismes.Web.Platform;

/// <summary>
/// One resource set per capability (docs/architecture.md): the strings of People live in
/// <c>Resources/People/PeopleResource{,.ar,.en,.es}.resx</c>, those of the platform (layout, validation, errors) in
/// <c>Resources/SharedResource*.resx</c>. A key's first segment names its set: "People.Field.Email" is read from
/// People's files. Why route instead of injecting one localizer per capability: views, validation attributes and
/// partials shared by several capabilities keep asking one <c>IStringLocalizer&lt;SharedResource&gt;</c> for any key,
/// while each capability adds strings to its own files only, so capabilities built side by side never edit the
/// same resource file.
/// </summary>
public static class CapabilityResources
{
    /// <summary>Registers <typeparamref name="TMarker"/>'s resource set as the home of every key starting "<paramref name="prefix"/>.".</summary>
    public static IServiceCollection AddResourceSet<TMarker>(this IServiceCollection services, string prefix)
    {
        services.Configure<ResourceSetOptions>(o => o.Sets[prefix] = typeof(TMarker));
        services.TryAddSingleton<ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, CapabilityLocalizerFactory>());
        return services;
    }
}

/// <summary>The registered sets: key prefix → marker type.</summary>
public sealed class ResourceSetOptions
{
    public Dictionary<string, Type> Sets { get; } = new(StringComparer.Ordinal);
}

/// <summary>Hands out the routing localizer for <see cref="SharedResource"/>; any other type as ASP.NET Core would.</summary>
internal sealed class CapabilityLocalizerFactory(ResourceManagerStringLocalizerFactory inner, IOptions<ResourceSetOptions> options)
    : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<Type, IStringLocalizer> cache = new();

    public IStringLocalizer Create(Type resourceSource) =>
        resourceSource == typeof(SharedResource)
            ? cache.GetOrAdd(resourceSource, _ => new CapabilityLocalizer(
                inner.Create(typeof(SharedResource)),
                options.Value.Sets.ToDictionary(s => s.Key, s => inner.Create(s.Value), StringComparer.Ordinal)))
            : cache.GetOrAdd(resourceSource, inner.Create);

    public IStringLocalizer Create(string baseName, string location) => inner.Create(baseName, location);
}

/// <summary>Reads "Cap.Rest" from Cap's set when Cap has one, and from the shared set otherwise.</summary>
internal sealed class CapabilityLocalizer(IStringLocalizer shared, IReadOnlyDictionary<string, IStringLocalizer> sets) : IStringLocalizer
{
    public LocalizedString this[string name] => For(name)[name];

    public LocalizedString this[string name, params object[] arguments] => For(name)[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        sets.Values.Prepend(shared).SelectMany(l => l.GetAllStrings(includeParentCultures));

    /// <summary>The set a key belongs to; public so the resource tests ask the same question the app does.</summary>
    public IStringLocalizer For(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && sets.TryGetValue(name[..dot], out var set) ? set : shared;
    }
}
