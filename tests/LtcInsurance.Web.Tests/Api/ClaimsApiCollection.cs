using LtcInsurance.Web.Tests.Claims;

namespace LtcInsurance.Web.Tests.Api;

/// <summary>The claims REST API and monthly claim tests: a <see cref="ClaimsHost"/> of their own.</summary>
[CollectionDefinition(Name)]
public sealed class ClaimsApiCollection : ICollectionFixture<ClaimsHost>
{
    public const string Name = "claims-api";
}
