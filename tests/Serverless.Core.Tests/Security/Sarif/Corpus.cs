using System.Runtime.CompilerServices;

namespace Serverless.Core.Tests.Security.Sarif;

/// <summary>Real scanner reports under Corpus/ (see its PROVENANCE.md), found next to this source file.</summary>
internal static class Corpus
{
    public static string Directory { get; } = Locate();

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static IEnumerable<string> SarifFiles() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.sarif").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    private static string Locate([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Corpus");
}
