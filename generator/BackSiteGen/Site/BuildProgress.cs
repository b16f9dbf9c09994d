namespace BackSiteGen.Site;

/// <summary>How far a build has got; the command line turns it into one updating line on a terminal.</summary>
public readonly record struct BuildProgress(int PagesRendered, int PagesTotal);
