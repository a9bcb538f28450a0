namespace Serverless.Runtime.Hosting.Management;

internal static class ProblemText
{
    /// <summary>An exception's message without the " (Parameter 'x')" that <see cref="ArgumentException"/> appends.</summary>
    public static string Of(Exception exception)
    {
        var message = exception.Message;
        if (exception is ArgumentException { ParamName: { } name })
        {
            var suffix = $" (Parameter '{name}')";
            if (message.EndsWith(suffix, StringComparison.Ordinal)) return message[..^suffix.Length];
        }
        return message;
    }
}
