namespace Mismes.Taxonomy.Tests;

/// <summary>Where test data lives: the fixture next to the tests, and ../shared/data beside the repository.</summary>
internal static class TestPaths
{
    public static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "esco-mini");

    /// <summary>MISMES_SHARED, else the folder "shared" next to the repository root (the folder with Mismes.slnx).</summary>
    public static string Shared
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("MISMES_SHARED");
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return fromEnvironment;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Mismes.slnx")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                }
            }

            throw new DirectoryNotFoundException("Repository root (Mismes.slnx) not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Esco => Path.Combine(Shared, "data", "esco-1.1.1");
}
