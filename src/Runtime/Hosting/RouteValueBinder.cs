using System.ComponentModel;
using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Serverless.Runtime.Hosting;

/// <summary>Binds simple parameters of HTTP functions from route values, then the query string, by name.</summary>
internal static class RouteValueBinder
{
    public static bool CanBind(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(Guid) || underlying == typeof(decimal) || underlying == typeof(DateTimeOffset);
    }

    public static object? Bind(ParameterInfo parameter, HttpContext? http)
    {
        var raw = http?.Request.RouteValues.TryGetValue(parameter.Name!, out var routeValue) == true ? routeValue?.ToString()
            : http?.Request.Query.TryGetValue(parameter.Name!, out var queryValue) == true ? queryValue.ToString() : null;
        if (raw is null) return parameter.HasDefaultValue ? parameter.DefaultValue : null;
        var converter = TypeDescriptor.GetConverter(parameter.ParameterType);
        try
        {
            return converter.ConvertFromInvariantString(raw);
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException)
        {
            throw new BadHttpRequestException($"The value '{raw}' is not a valid {parameter.ParameterType.Name} for '{parameter.Name}'.", StatusCodes.Status400BadRequest, ex);
        }
    }
}
