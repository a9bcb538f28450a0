using Serverless.Testing.Local;

namespace Serverless.Functions.Tests.Dashboard;

/// <summary>Where the dashboard tests leave what people look at afterwards: artifacts/ at the repository root (git-ignored).</summary>
public static class Artifacts
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "artifacts");

    public static string Screenshots => Path.Combine(Folder, "screenshots");
}
