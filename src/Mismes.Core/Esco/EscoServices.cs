using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mismes.Taxonomy.Esco;
using Mismes.Taxonomy.Text;

namespace Mismes.Core.Esco;

/// <summary>
/// ESCO for every capability: the shipped taxonomy (data/esco/esco.bin) and its text search, one of each per
/// process. Both are immutable and thread-safe, so every host in a process (and every test host) shares them: the
/// file is read once, and ConceptSearch builds each language's index once, on first use.
/// </summary>
public static class EscoServices
{
    private static readonly Lazy<EscoTaxonomy> Shipped = new(EscoTaxonomy.LoadShipped);
    private static readonly Lazy<ConceptSearch> ShippedSearch = new(() => new ConceptSearch(Shipped.Value));

    public static IServiceCollection AddEsco(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => Shipped.Value);
        services.TryAddSingleton(_ => ShippedSearch.Value);
        services.TryAddSingleton<EscoLookup>();
        return services;
    }
}
