namespace LtcInsurance.Application.Common.Messaging;

/// <summary>
/// Runs after a request's handler has answered, in the handler's scope and for the same user: work that follows a use
/// case without being part of its answer (e.g. screening a submitted claim for anomalies). A post-processor must not
/// change the answer and should not throw: the handler's work is already done and saved.
/// </summary>
public interface IRequestPostProcessor<in TRequest, in TResponse>
    where TRequest : IRequest<TResponse>
{
    Task ProcessAsync(TRequest request, TResponse response, CancellationToken cancellationToken);
}
