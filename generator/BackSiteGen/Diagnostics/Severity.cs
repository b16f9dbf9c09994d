namespace BackSiteGen.Diagnostics;

/// <summary>How serious a finding is. Notes never fail a build; warnings fail only under --strict.</summary>
public enum Severity
{
    Note,
    Warning,
    Error,
}
