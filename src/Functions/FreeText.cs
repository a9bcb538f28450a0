using Microsoft.AspNetCore.Http;

namespace Serverless.Functions;

/// <summary>Limits on the free text callers send (reasons, comments, names), which is stored in run history and shown on the dashboard.</summary>
public static class FreeText
{
    public const int MaxReasonLength = 500;
    public const int MaxNameLength = Serverless.Runtime.Hosting.UserKeys.MaxNameLength;

    /// <summary>A 400 naming <paramref name="field"/> when <paramref name="value"/> is longer than <paramref name="max"/>, else null.</summary>
    public static IResult? TooLong(string? value, string field, int max = MaxReasonLength) =>
        value?.Length > max
            ? FieldProblem.Of(StatusCodes.Status400BadRequest, $"{field} must be at most {max} characters; it has {value.Length}.", field, "Too long")
            : null;
}
