namespace BackSiteGen.Checks;

/// <summary>The kinds of link finding whose severity <c>site.yml</c> can set under <c>links:</c>.</summary>
public enum LinkCheck
{
    BrokenPage,
    BrokenAnchor,
    MissingResource,
    DuplicateId,
    OutsideBasePath,
    ThirdPartyResource,
    BrokenExternal,
    BrokenExternalAnchor,
}
