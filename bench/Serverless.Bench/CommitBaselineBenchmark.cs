using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Serverless.Bench;

/// <summary>
/// The disk's bound for one-commit-per-write: single-row inserts, each its own transaction, WAL + synchronous=FULL.
/// The engine beats it by committing many steps per transaction.
/// </summary>
internal static class CommitBaselineBenchmark
{
    public static async Task RunAsync(BenchSettings settings)
    {
        var path = Path.Combine(settings.Directory, "baseline.db");
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        foreach (var pragma in new[] { "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)" })
        {
            await using var setup = connection.CreateCommand();
            setup.CommandText = pragma;
            await setup.ExecuteNonQueryAsync();
        }
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO t (v) VALUES ($v)";
        var value = insert.Parameters.Add("$v", SqliteType.Text);
        const int commits = 2000;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < commits; i++)
        {
            value.Value = $"row {i}";
            await insert.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"Baseline: {commits} single-row commits in {stopwatch.Elapsed.TotalSeconds:F2} s = {commits / stopwatch.Elapsed.TotalSeconds:F0} commits/s (WAL, synchronous=FULL)");
    }
}
