namespace LtcInsurance.Application.Common.Messaging;

/// <summary>
/// A use case's input: a command (changes something) or a query (reads), answered by exactly one
/// <see cref="IRequestHandler{TRequest,TResponse}"/> and checked first by its FluentValidation validator.
/// Pages, API endpoints, the CLI and jobs send requests through <see cref="ISender"/>; none of them touch the database.
/// </summary>
/// <typeparam name="TResponse">What the handler answers.</typeparam>
#pragma warning disable CA1040 // marker interface: the type parameter carries the contract
public interface IRequest<TResponse>;
#pragma warning restore CA1040

/// <summary>The one handler of a request type. Handlers live beside their request in Application/&lt;Feature&gt;/&lt;UseCase&gt;/.</summary>
public interface IRequestHandler<in TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Sends a request to its handler: checks the caller's role (<see cref="Security.RequiresRoleAttribute"/>), runs the
/// validators, then the handler in a DI scope of its own (its own DbContext), acting for the signed-in user's tenant.
/// </summary>
public interface ISender
{
    /// <exception cref="Security.ForbiddenAccessException">The caller lacks the role the request requires.</exception>
    /// <exception cref="Validation.RequestValidationException">The request is invalid; nothing was done.</exception>
    Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default);
}
