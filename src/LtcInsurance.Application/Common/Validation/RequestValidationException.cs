namespace LtcInsurance.Application.Common.Validation;

/// <summary>One problem with a request: the property (as the request names it) and a Chinese message.</summary>
public sealed record ValidationProblem(string Property, string Message);

/// <summary>The request failed its validator; nothing was done. <see cref="Problems"/> lists every problem at once.</summary>
public sealed class RequestValidationException : Exception
{
    public RequestValidationException(IReadOnlyList<ValidationProblem> problems)
        : base(string.Join("；", problems.Select(p => p.Message)))
    {
        Problems = problems;
    }

    public RequestValidationException()
        : this([])
    {
    }

    public RequestValidationException(string message)
        : this([new ValidationProblem("", message)])
    {
    }

    public RequestValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new ValidationProblem("", message)];
    }

    public IReadOnlyList<ValidationProblem> Problems { get; }

    /// <summary>Problems grouped by property, the shape of problem+json's <c>errors</c> member.</summary>
    public IDictionary<string, string[]> ByProperty() =>
        Problems.GroupBy(p => p.Property).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
}
