namespace Serverless.Core.Security.Secrets;

/// <summary>
/// The built-in secret scanner. Walks a checkout, skipping <c>.git</c>, binary and oversized files and what the
/// allowlist excludes, and reports findings that never contain the secret itself.
/// </summary>
public sealed class SecretScanner
{
    private readonly SecretScannerOptions options;
    private readonly IReadOnlyList<SecretRule> rules;

    public SecretScanner(SecretScannerOptions? options = null)
    {
        this.options = options ?? new SecretScannerOptions();
        this.options.Validate();
        rules = this.options.EnabledRules;
    }

    public IReadOnlyList<SecretRule> Rules => rules;

    public SecretScanResult Scan(string rootDirectory, CancellationToken cancellationToken = default)
    {
        var root = new DirectoryInfo(rootDirectory);
        if (!root.Exists)
        {
            throw new DirectoryNotFoundException($"Cannot scan '{rootDirectory}': no such directory.");
        }

        var allowlist = LoadAllowlist(root);
        var findings = new List<SecretFinding>();
        var skipped = new List<SkippedFile>();
        var filesScanned = 0;

        foreach (var file in RepositoryWalker.Files(root, allowlist, skipped, cancellationToken))
        {
            var content = TextFileReader.Read(file.Info, options.MaxFileBytes, out var skipReason);
            if (content is null)
            {
                skipped.Add(new SkippedFile(file.RelativePath, skipReason));
                continue;
            }
            filesScanned++;
            findings.AddRange(ScanContent(file.RelativePath, content).Where(finding => !allowlist.Silences(finding)));
        }

        skipped.Sort((a, b) => string.CompareOrdinal(a.File, b.File));
        return new SecretScanResult(Sort(findings), filesScanned, skipped);
    }

    /// <summary>Scans text that is not on disk (a build log, a rendered config). No allowlist applies.</summary>
    /// <param name="file">The name to report, relative with forward slashes; part of each fingerprint.</param>
    public IReadOnlyList<SecretFinding> ScanContent(string file, string content)
    {
        var matches = new List<SecretMatch>();
        foreach (var rule in rules)
        {
            if (!rule.Keywords.Any(keyword => content.Contains(keyword, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            matches.AddRange(rule.Matches(content).Where(match => rule.IsPlausible(match.Secret, options)));
        }
        if (matches.Count == 0)
        {
            return [];
        }

        var lines = new LineIndex(content);
        var findings = matches
            .Where(match => !match.Rule.IsGeneric || !matches.Any(other => !other.Rule.IsGeneric && other.Overlaps(match)))
            .Select(match =>
            {
                var (line, column) = lines.Locate(match.Index);
                return new SecretFinding(
                    match.Rule.Id,
                    match.Rule.Severity,
                    file,
                    line,
                    column,
                    Fingerprints.Of(match.Rule.Id, file, match.Secret),
                    Redaction.Redact(match.Secret));
            })
            .ToList();
        return Sort(findings);
    }

    private SecretAllowlist LoadAllowlist(DirectoryInfo root)
    {
        var path = Path.Combine(root.FullName, options.AllowlistFileName);
        return File.Exists(path) ? SecretAllowlist.Parse(File.ReadAllText(path)) : SecretAllowlist.Empty;
    }

    private static List<SecretFinding> Sort(List<SecretFinding> findings)
    {
        findings.Sort(static (a, b) =>
        {
            var byFile = string.CompareOrdinal(a.File, b.File);
            if (byFile != 0)
            {
                return byFile;
            }
            var byLine = a.Line.CompareTo(b.Line);
            if (byLine != 0)
            {
                return byLine;
            }
            var byColumn = a.Column.CompareTo(b.Column);
            return byColumn != 0 ? byColumn : string.CompareOrdinal(a.RuleId, b.RuleId);
        });
        return findings;
    }
}
