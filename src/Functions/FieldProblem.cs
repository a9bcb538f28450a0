using Microsoft.AspNetCore.Http;

namespace Serverless.Functions;

/// <summary>Problem-details answers for caller input, naming the request field at fault in <c>field</c>.</summary>
public static class FieldProblem
{
    public static IResult Of(int status, string detail, string? field, string? title = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title,
            extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });
}
