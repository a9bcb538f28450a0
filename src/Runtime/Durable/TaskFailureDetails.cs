namespace Serverless.Runtime.Durable;

/// <summary>What went wrong in an activity, sub-orchestration or orchestration, kept in history.</summary>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace = null, TaskFailureDetails? InnerFailure = null)
{
    public static TaskFailureDetails FromException(Exception exception) => new(
        exception.GetType().FullName ?? exception.GetType().Name,
        exception.Message,
        exception.StackTrace,
        exception.InnerException is null ? null : FromException(exception.InnerException));

    /// <summary>True when the failure was caused by an exception of type <typeparamref name="T"/> (or a subtype, if loadable).</summary>
    public bool IsCausedBy<T>() where T : Exception
    {
        if (ErrorType == typeof(T).FullName) return true;
        var type = Type.GetType(ErrorType, throwOnError: false);
        return type is not null && typeof(T).IsAssignableFrom(type);
    }

    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}
