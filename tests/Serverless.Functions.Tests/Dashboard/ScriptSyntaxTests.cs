using System.Diagnostics;

namespace Serverless.Functions.Tests.Dashboard;

/// <summary>
/// Every dashboard script parses as an ES module (node --check), so a syntax slip is named with its file and line
/// here instead of showing up as a dashboard that never draws its sign-in form.
/// </summary>
public sealed class ScriptSyntaxTests
{
    public static TheoryData<string> Scripts()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var scripts = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.js", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            scripts.Add(Path.GetRelativePath(root, file));
        return scripts;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task The_script_parses(string script)
    {
        var start = new ProcessStartInfo("node", ["--check", "--input-type=module"])
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "wwwroot", script)));
        node.StandardInput.Close();
        var errors = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();

        Assert.True(node.ExitCode == 0, $"{script} does not parse:\n{errors}");
    }
}
