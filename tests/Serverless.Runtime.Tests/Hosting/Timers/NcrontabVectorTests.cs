using System.Globalization;
using System.Text.Json;
using Serverless.Runtime.Hosting.Timers;

namespace Serverless.Runtime.Tests.Hosting.Timers;

/// <summary>The NCrontab project's own test vectors and the Azure Functions documented examples (see Vectors/PROVENANCE.md).</summary>
public sealed class NcrontabVectorTests
{
    private static readonly string VectorDirectory = Path.Combine(AppContext.BaseDirectory, "Hosting", "Timers", "Vectors");

    public static TheoryData<string, string, string, int> NextOccurrenceVectors()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var row in Load("ncrontab-vectors.json").GetProperty("next_occurrence").EnumerateArray())
            data.Add(row.GetProperty("expression").GetString()!, row.GetProperty("start_iso").GetString()!, row.GetProperty("expected_next_iso").GetString()!, row.GetProperty("line").GetInt32());
        return data;
    }

    public static TheoryData<string, int> InvalidVectors()
    {
        var data = new TheoryData<string, int>();
        foreach (var row in Load("ncrontab-vectors.json").GetProperty("invalid").EnumerateArray())
            data.Add(row.GetProperty("expression").GetString()!, row.GetProperty("line").GetInt32());
        return data;
    }

    public static TheoryData<string> DocumentedExamples()
    {
        var data = new TheoryData<string>();
        foreach (var row in Load("azure-functions-ncrontab-examples.json").GetProperty("documented_examples").EnumerateArray())
            data.Add(row.GetProperty("expression").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(NextOccurrenceVectors))]
    public void Next_occurrence_matches_NCrontab(string expression, string start, string expected, int line)
    {
        var next = TimerSchedule.Parse(expression).GetNextOccurrence(Iso(start));

        Assert.True(Iso(expected) == next, $"line {line}: '{expression}' after {start} should be {expected}, was {next:s}");
    }

    [Theory]
    [MemberData(nameof(InvalidVectors))]
    public void Invalid_expressions_are_refused(string expression, int line)
    {
        Assert.False(TimerSchedule.TryParse(expression, null, out _, out var error), $"line {line}: '{expression}' should be refused");
        Assert.Contains(expression, error);
    }

    [Theory]
    [MemberData(nameof(DocumentedExamples))]
    public void The_documented_Azure_examples_parse_as_six_field_schedules(string expression)
    {
        var schedule = TimerSchedule.Parse(expression);

        Assert.False(schedule.IsConstantInterval);
        Assert.False(schedule.IsSubMinute);
    }

    [Theory]
    [InlineData("0 */5 * * * *", "2026-01-01T00:02:00", "2026-01-01T00:05:00", "2026-01-01T00:10:00")]
    [InlineData("0 0 * * * *", "2026-01-01T00:02:00", "2026-01-01T01:00:00", "2026-01-01T02:00:00")]
    [InlineData("0 0 */2 * * *", "2026-01-01T00:02:00", "2026-01-01T02:00:00", "2026-01-01T04:00:00")]
    [InlineData("0 0 9-17 * * *", "2026-01-01T16:30:00", "2026-01-01T17:00:00", "2026-01-02T09:00:00")]
    [InlineData("0 30 9 * * *", "2026-01-01T10:00:00", "2026-01-02T09:30:00", "2026-01-03T09:30:00")]
    [InlineData("0 30 9 * * 1-5", "2026-01-02T10:00:00", "2026-01-05T09:30:00", "2026-01-06T09:30:00")]
    [InlineData("0 30 9 * Jan Mon", "2026-01-05T10:00:00", "2026-01-12T09:30:00", "2026-01-19T09:30:00")]
    public void The_documented_Azure_examples_do_what_the_documentation_says(string expression, string after, string first, string second) =>
        Assert.Equal([Iso(first), Iso(second)], TimerSchedule.Parse(expression).GetNextOccurrences(Iso(after), 2));

    [Fact]
    public void The_WebJobs_weekday_schedule_runs_Monday_to_Friday_at_11_59()
    {
        var example = Load("azure-functions-ncrontab-examples.json").GetProperty("webjobs_extension_test");
        var schedule = TimerSchedule.Parse(example.GetProperty("expression").GetString()!);
        var expected = example.GetProperty("expected_sequence_derived").EnumerateArray().Select(e => Iso(e.GetString()!)).ToList();

        var occurrences = new List<DateTime>();
        var after = Iso(example.GetProperty("start").GetString()!);
        foreach (var _ in expected)
        {
            after = schedule.GetNextOccurrence(after);
            occurrences.Add(after);
            after = after.AddSeconds(1);
        }

        Assert.Equal(expected, occurrences);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], occurrences.Select(o => o.DayOfWeek));
        Assert.Equal(example.GetProperty("tostring").GetProperty("expected").GetString(), schedule.ToString());
    }

    private static DateTime Iso(string text) =>
        DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static JsonElement Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(VectorDirectory, file))).RootElement;
}
