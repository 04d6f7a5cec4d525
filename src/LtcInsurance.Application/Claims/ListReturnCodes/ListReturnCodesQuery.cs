using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.Claims.ListReturnCodes;

/// <summary>The published catalogue of claim return codes (code, Chinese text, clause, refuse or cut).</summary>
[AllowAnyUser]
public sealed record ListReturnCodesQuery : IRequest<IReadOnlyList<ReturnCodeView>>;
