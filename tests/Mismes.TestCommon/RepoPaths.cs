namespace Mismes.TestCommon;

/// <summary>Finds the repository root (the folder with Mismes.slnx) and ../shared beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared =>
        Environment.GetEnvironmentVariable("MISMES_SHARED") ?? Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Mismes.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Mismes.slnx not found above " + AppContext.BaseDirectory);
    }
}
