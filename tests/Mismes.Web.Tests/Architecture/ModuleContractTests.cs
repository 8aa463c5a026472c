using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Data;
using Mismes.Core.Jobs;
using Mismes.Core.Seeding;
using NetArchTest.Rules;

namespace Mismes.Web.Tests.Architecture;

/// <summary>
/// The module contract (docs/architecture.md) as tests, so capabilities built side by side keep their boundaries:
/// a capability uses another only through its Core service; Core knows nothing of the web; pages never call the API's
/// types; only the platform touches the DbContext in the web project; what no other assembly needs stays internal.
/// </summary>
public sealed class ModuleContractTests
{
    private static readonly Assembly Core = typeof(AppDbContext).Assembly;

    private static readonly Assembly Web = typeof(Program).Assembly;

    /// <summary>Core folders every capability may use: they are the platform, not capabilities.</summary>
    private static readonly string[] SharedCore = ["Administration", "Common", "Data", "Jobs", "Seeding"];

    /// <summary>Web folders every capability may use: the platform, the role policies, the shared resource marker.</summary>
    private static readonly string[] SharedWeb = ["Platform", "Administration", "Pages"];

    public static TheoryData<string> CoreCapabilities() => new(CapabilitiesOf(Core, "Mismes.Core", SharedCore));

    public static TheoryData<string> WebCapabilities() => new(CapabilitiesOf(Web, "Mismes.Web", SharedWeb));

    [Fact]
    public void Capabilities_AtLeastCatalogueAndPeople_Found()
    {
        Assert.Superset(new HashSet<string>(["Catalogue", "People"], StringComparer.Ordinal), CapabilitiesOf(Core, "Mismes.Core", SharedCore).ToHashSet(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CoreCapabilities))]
    public void CoreCapability_UsesOtherCapabilitiesOnlyThroughTheirServices(string capability)
    {
        // What belongs to a capability alone: its entities and their configurations (its tables), its seeders and its
        // job handlers. Its services and the records they take and return are what others may use.
        var privateTypes = CapabilitiesOf(Core, "Mismes.Core", SharedCore)
            .Where(other => other != capability)
            .SelectMany(PrivateTypesOf)
            .Select(t => t.FullName!)
            .ToArray();

        var result = Types.InAssembly(Core).That().ResideInNamespace($"Mismes.Core.{capability}")
            .ShouldNot().HaveDependencyOnAny(privateTypes)
            .GetResult();

        Assert.True(privateTypes.Length == 0 || result.IsSuccessful, Failure(result, $"Mismes.Core.{capability} uses another capability's tables, seeders or handlers"));
    }

    [Fact]
    public void Core_KnowsNothingOfTheWebOrTheCommandLine()
    {
        var result = Types.InAssembly(Core)
            .ShouldNot().HaveDependencyOnAny("Mismes.Web", "Mismes.Cli", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Routing")
            .GetResult();

        Assert.True(result.IsSuccessful, Failure(result, "Core depends on the web or the CLI"));
    }

    [Theory]
    [MemberData(nameof(WebCapabilities))]
    public void WebCapability_DoesNotUseAnotherCapabilitysWebCode(string capability)
    {
        var others = CapabilitiesOf(Web, "Mismes.Web", SharedWeb).Where(c => c != capability).Select(c => $"Mismes.Web.{c}").ToArray();

        var result = Types.InAssembly(Web).That().ResideInNamespace($"Mismes.Web.{capability}")
            .ShouldNot().HaveDependencyOnAny(others)
            .GetResult();

        Assert.True(others.Length == 0 || result.IsSuccessful, Failure(result, $"Mismes.Web.{capability} uses another capability's web code"));
    }

    [Fact]
    public void Pages_NeverReferenceApiTypes()
    {
        var apiNamespaces = Web.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.EndsWith(".Api", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();

        // Page models live in Mismes.Web.<Cap>.Pages; the compiled .cshtml views in AspNetCoreGeneratedDocument.
        var pageModels = Types.InAssembly(Web).That().ResideInNamespaceEndingWith(".Pages")
            .ShouldNot().HaveDependencyOnAny(apiNamespaces).GetResult();
        var views = Types.InAssembly(Web).That().ResideInNamespace("AspNetCoreGeneratedDocument")
            .ShouldNot().HaveDependencyOnAny(apiNamespaces).GetResult();

        Assert.NotEmpty(apiNamespaces);
        Assert.True(pageModels.IsSuccessful, Failure(pageModels, "page models use API types"));
        Assert.True(views.IsSuccessful, Failure(views, "views use API types"));
    }

    [Fact]
    public void Web_OnlyThePlatformUsesTheDbContext()
    {
        // Pages and endpoints call their capability's Core service; the platform wires the database (migrations,
        // health, data-protection keys, the job runner).
        var result = Types.InAssembly(Web).That().DoNotResideInNamespace("Mismes.Web.Platform")
            .ShouldNot().HaveDependencyOn(typeof(AppDbContext).FullName!)
            .GetResult();

        Assert.True(result.IsSuccessful, Failure(result, "web code outside Platform uses AppDbContext"));
    }

    [Fact]
    public void Core_ConfigurationsSeedersAndHandlers_AreInternal()
    {
        // No other assembly needs them: each capability's Add<Cap>Core() registers them and EF finds configurations by scan.
        var exposed = Core.GetTypes().Where(t => t.IsPublic && IsPrivateKind(t)).Select(t => t.FullName).ToList();

        Assert.True(exposed.Count == 0, "public but needed by no other assembly: " + string.Join(", ", exposed));
    }

    private static IReadOnlyList<string> CapabilitiesOf(Assembly assembly, string root, string[] shared) =>
        assembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith(root + ".", StringComparison.Ordinal))
            .Select(n => n[(root.Length + 1)..].Split('.')[0])
            .Where(c => !shared.Contains(c, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<Type> PrivateTypesOf(string capability)
    {
        var types = Core.GetTypes().Where(t => t.Namespace?.StartsWith($"Mismes.Core.{capability}", StringComparison.Ordinal) == true).ToList();
        var entities = types.SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
            .Select(i => i.GetGenericArguments()[0]);
        return types.Where(IsPrivateKind).Concat(entities).Distinct();
    }

    private static bool IsPrivateKind(Type t) =>
        t is { IsClass: true, IsAbstract: false }
        && t.GetInterfaces().Any(i =>
            i == typeof(IReferenceDataSeeder) || i == typeof(IDemoDataSeeder) || i == typeof(IJobHandler)
            || (i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>)));

    private static string Failure(TestResult result, string what) =>
        $"{what}: {string.Join(", ", result.FailingTypeNames ?? [])}";
}
