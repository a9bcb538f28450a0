namespace Serverless.Bench;

internal sealed record BenchSettings(int Orchestrations, int FanOut, int Events, int? Concurrency, string Directory, bool KeepData)
{
    public static BenchSettings Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
        }
        return new BenchSettings(
            Get("--orchestrations", 2000),
            Get("--fanout", 1000),
            Get("--events", 500),
            args.Contains("--concurrency") ? Get("--concurrency", 0) : null,
            System.IO.Directory.CreateTempSubdirectory("serverless-bench-").FullName,
            args.Contains("--keep"));
    }
}
