<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
  <context>
    <name>AdjudicationPanel</name>
    <message>
      <source>Sheet %1: %2 (no readable code)</source>
      <translation>Sheet %1: %2 (no readable code)</translation>
    </message>
    <message>
      <source>Sheet %1: item %2, %3 advance paper %4</source>
      <translation>Sheet %1: item %2, %3 advance paper %4</translation>
    </message>
    <message>
      <source>Sheet %1: item %2, %3 paper %4</source>
      <translation>Sheet %1: item %2, %3 paper %4</translation>
    </message>
    <message>
      <source>No sheets are waiting for adjudication.</source>
      <translation>No sheets are waiting for adjudication.</translation>
    </message>
    <message>
      <source>The reader says: %1</source>
      <translation>The reader says: %1</translation>
    </message>
    <message>
      <source>No picture was kept for this sheet.</source>
      <translation>No picture was kept for this sheet.</translation>
    </message>
    <message>
      <source>Enter your name: every decision is recorded with who made it.</source>
      <translation>Enter your name: every decision is recorded with who made it.</translation>
    </message>
    <message>
      <source>Type the candidate or option numbers the voter clearly meant, separated by spaces (in order of preference for a ranking).</source>
      <translation>Type the candidate or option numbers the voter clearly meant, separated by spaces (in order of preference for a ranking).</translation>
    </message>
    <message>
      <source>Sheets &amp;waiting</source>
      <translation>Sheets &amp;waiting</translation>
    </message>
    <message>
      <source>&amp;Refresh the queue</source>
      <translation>&amp;Refresh the queue</translation>
    </message>
    <message>
      <source>Mar&amp;ks the voter clearly meant:</source>
      <translation>Mar&amp;ks the voter clearly meant:</translation>
    </message>
    <message>
      <source>Accep&amp;t</source>
      <translation>Accep&amp;t</translation>
    </message>
    <message>
      <source>Or reject be&amp;cause:</source>
      <translation>Or reject be&amp;cause:</translation>
    </message>
    <message>
      <source>e.g. 1 for For; 3 1 2 for a ranking (in order of preference)</source>
      <translation>e.g. 1 for For; 3 1 2 for a ranking (in order of preference)</translation>
    </message>
    <message>
      <source>Re&amp;ject</source>
      <translation>Re&amp;ject</translation>
    </message>
    <message>
      <source>Decided &amp;by:</source>
      <translation>Decided &amp;by:</translation>
    </message>
  </context>
  <context>
    <name>AdvancePage</name>
    <message>
      <source>Before the meeting: advance votes</source>
      <translation>Before the meeting: advance votes</translation>
    </message>
    <message>
      <source>Pac&amp;ks</source>
      <translation>Pac&amp;ks</translation>
    </message>
    <message>
      <source>&amp;Envelopes</source>
      <translation>&amp;Envelopes</translation>
    </message>
    <message>
      <source>&amp;Scanned papers</source>
      <translation>&amp;Scanned papers</translation>
    </message>
    <message>
      <source>Hand sca&amp;nner or keyed</source>
      <translation>Hand sca&amp;nner or keyed</translation>
    </message>
    <message>
      <source>&amp;Amended in the room</source>
      <translation>&amp;Amended in the room</translation>
    </message>
    <message>
      <source>Advance packs</source>
      <translation>Advance packs</translation>
    </message>
    <message>
      <source>Every member of &amp;class</source>
      <translation>Every member of &amp;class</translation>
    </message>
    <message>
      <source>or these members (numbe&amp;rs, with commas)</source>
      <translation>or these members (numbe&amp;rs, with commas)</translation>
    </message>
    <message>
      <source>Sen&amp;d packs: record them and print</source>
      <translation>Sen&amp;d packs: record them and print</translation>
    </message>
    <message>
      <source>Envelope (scan, or type the membership n&amp;umber and press Enter)</source>
      <translation>Envelope (scan, or type the membership n&amp;umber and press Enter)</translation>
    </message>
    <message>
      <source>The declaration of identity is signe&amp;d</source>
      <translation>The declaration of identity is signe&amp;d</translation>
    </message>
    <message>
      <source>O&amp;pen the accepted envelopes</source>
      <translation>O&amp;pen the accepted envelopes</translation>
    </message>
    <message>
      <source>Open the envelopes and mix their papers first. Papers are counted as advance papers; a sheet the reader is not sure of goes to the tellers' adjudication queue (Tellers, Adjudication), and its vote cannot close until it is decided.</source>
      <translation>Open the envelopes and mix their papers first. Papers are counted as advance papers; a sheet the reader is not sure of goes to the tellers' adjudication queue (Tellers, Adjudication), and its vote cannot close until it is decided.</translation>
    </message>
    <message>
      <source>Print into &amp;folder</source>
      <translation>Print into &amp;folder</translation>
    </message>
    <message>
      <source>Returned envelopes</source>
      <translation>Returned envelopes</translation>
    </message>
    <message>
      <source>Receive a &amp;batch from a file…</source>
      <translation>Receive a &amp;batch from a file…</translation>
    </message>
    <message>
      <source>S&amp;top</source>
      <translation>S&amp;top</translation>
    </message>
    <message>
      <source>(none: name members)</source>
      <translation>(none: name members)</translation>
    </message>
    <message>
      <source>%1 – %2</source>
      <translation>%1 – %2</translation>
    </message>
    <message>
      <source>Packs sent: %1. Envelopes accepted: %2 (opened: %3). Refused: %4.</source>
      <translation>Packs sent: %1. Envelopes accepted: %2 (opened: %3). Refused: %4.</translation>
    </message>
    <message>
      <source>Choose a folder to print the envelopes and papers into.</source>
      <translation>Choose a folder to print the envelopes and papers into.</translation>
    </message>
    <message>
      <source>Packs for %1 members recorded as sent; printed %2 files into %3. Print envelopes and papers separately and fill each envelope from a mixed stack.</source>
      <translation>Packs for %1 members recorded as sent; printed %2 files into %3. Print envelopes and papers separately and fill each envelope from a mixed stack.</translation>
    </message>
    <message>
      <source>Envelope codes, one a line</source>
      <translation>Envelope codes, one a line</translation>
    </message>
    <message>
      <source>%1 cannot be read: %2</source>
      <translation>%1 cannot be read: %2</translation>
    </message>
    <message>
      <source>%1 envelopes received: %2 accepted, %3 refused.</source>
      <translation>%1 envelopes received: %2 accepted, %3 refused.</translation>
    </message>
    <message>
      <source>%1 envelopes recorded as opened: mix their papers, then read them.</source>
      <translation>%1 envelopes recorded as opened: mix their papers, then read them.</translation>
    </message>
  </context>
  <context>
    <name>AgendaPage</name>
    <message>
      <source>Agenda</source>
      <translation>Agenda</translation>
    </message>
    <message>
      <source>The resolutions and elections members vote on, in order.</source>
      <translation>The resolutions and elections members vote on, in order.</translation>
    </message>
    <message>
      <source>Agenda items</source>
      <translation>Agenda items</translation>
    </message>
    <message>
      <source>Add &amp;resolution</source>
      <translation>Add &amp;resolution</translation>
    </message>
    <message>
      <source>Add &amp;election</source>
      <translation>Add &amp;election</translation>
    </message>
    <message>
      <source>Title in &amp;Welsh:</source>
      <translation>Title in &amp;Welsh:</translation>
    </message>
    <message>
      <source>Remove &amp;item</source>
      <translation>Remove &amp;item</translation>
    </message>
    <message>
      <source>Title in Eng&amp;lish:</source>
      <translation>Title in Eng&amp;lish:</translation>
    </message>
    <message>
      <source>R&amp;ules preset:</source>
      <translation>R&amp;ules preset:</translation>
    </message>
    <message>
      <source>Counting &amp;method:</source>
      <translation>Counting &amp;method:</translation>
    </message>
    <message>
      <source>Carried when &amp;For is:</source>
      <translation>Carried when &amp;For is:</translation>
    </message>
    <message>
      <source>&amp;Seats:</source>
      <translation>&amp;Seats:</translation>
    </message>
    <message>
      <source>&amp;Candidates (one a line; “Name | CLASS”):</source>
      <translation>&amp;Candidates (one a line; “Name | CLASS”):</translation>
    </message>
    <message>
      <source>Seats per class:</source>
      <translation>Seats per class:</translation>
    </message>
    <message>
      <source>S&amp;pecial resolution</source>
      <translation>S&amp;pecial resolution</translation>
    </message>
    <message>
      <source>Counted by &amp;head (one member, one vote)</source>
      <translation>Counted by &amp;head (one member, one vote)</translation>
    </message>
    <message>
      <source>more than half</source>
      <translation>more than half</translation>
    </message>
    <message>
      <source>at least two thirds</source>
      <translation>at least two thirds</translation>
    </message>
    <message>
      <source>at least three quarters</source>
      <translation>at least three quarters</translation>
    </message>
    <message>
      <source>None: choose the threshold below</source>
      <translation>None: choose the threshold below</translation>
    </message>
    <message>
      <source>Single transferable vote (Scottish STV)</source>
      <translation>Single transferable vote (Scottish STV)</translation>
    </message>
    <message>
      <source>Single transferable vote (Meek)</source>
      <translation>Single transferable vote (Meek)</translation>
    </message>
    <message>
      <source>Single transferable vote (weighted inclusive Gregory)</source>
      <translation>Single transferable vote (weighted inclusive Gregory)</translation>
    </message>
    <message>
      <source>Alternative vote (instant runoff)</source>
      <translation>Alternative vote (instant runoff)</translation>
    </message>
    <message>
      <source>First past the post</source>
      <translation>First past the post</translation>
    </message>
    <message>
      <source>Block vote</source>
      <translation>Block vote</translation>
    </message>
    <message>
      <source>Approval vote</source>
      <translation>Approval vote</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>At least</source>
      <translation>At least</translation>
    </message>
    <message>
      <source>At most</source>
      <translation>At most</translation>
    </message>
    <message>
      <source>Election</source>
      <translation>Election</translation>
    </message>
    <message>
      <source>Resolution</source>
      <translation>Resolution</translation>
    </message>
    <message>
      <source>(no title yet)</source>
      <translation>(no title yet)</translation>
    </message>
    <message>
      <source>%1. %2: %3</source>
      <translation>%1. %2: %3</translation>
    </message>
  </context>
  <context>
    <name>AmendmentPanel</name>
    <message>
      <source>Item %1: %2</source>
      <translation>Item %1: %2</translation>
    </message>
    <message>
      <source>Every advance vote on item %1 will count as AGAINST the amended resolution, whatever it said.</source>
      <translation>Every advance vote on item %1 will count as AGAINST the amended resolution, whatever it said.</translation>
    </message>
    <message>
      <source>Advance votes on item %1 will NOT BE COUNTED: the amended resolution is decided by the votes cast in the meeting.</source>
      <translation>Advance votes on item %1 will NOT BE COUNTED: the amended resolution is decided by the votes cast in the meeting.</translation>
    </message>
    <message>
      <source>No resolution that takes advance votes is waiting for a result.</source>
      <translation>No resolution that takes advance votes is waiting for a result.</translation>
    </message>
    <message>
      <source>Item %1 is already recorded as amended. %2</source>
      <translation>Item %1 is already recorded as amended. %2</translation>
    </message>
    <message>
      <source>If you record it: %1</source>
      <translation>If you record it: %1</translation>
    </message>
    <message>
      <source>Enter who moved the amendment (or who records it).</source>
      <translation>Enter who moved the amendment (or who records it).</translation>
    </message>
    <message>
      <source>Record item %1 as amended in the room?</source>
      <translation>Record item %1 as amended in the room?</translation>
    </message>
    <message>
      <source>%1

This cannot be undone.</source>
      <translation>%1

This cannot be undone.</translation>
    </message>
    <message>
      <source>Record the amendment</source>
      <translation>Record the amendment</translation>
    </message>
    <message>
      <source>Nothing was recorded.</source>
      <translation>Nothing was recorded.</translation>
    </message>
    <message>
      <source>Item %1 recorded as amended in the room. %2</source>
      <translation>Item %1 recorded as amended in the room. %2</translation>
    </message>
    <message>
      <source>When a resolution that took advance votes is amended in the room, record it here. Advance votes were cast on the words as sent, so the meeting's definition says what becomes of them.</source>
      <translation>When a resolution that took advance votes is amended in the room, record it here. Advance votes were cast on the words as sent, so the meeting's definition says what becomes of them.</translation>
    </message>
    <message>
      <source>Resol&amp;ution</source>
      <translation>Resol&amp;ution</translation>
    </message>
    <message>
      <source>Moved &amp;by</source>
      <translation>Moved &amp;by</translation>
    </message>
    <message>
      <source>&amp;Record the amendment…</source>
      <translation>&amp;Record the amendment…</translation>
    </message>
  </context>
  <context>
    <name>BatchImportPanel</name>
    <message>
      <source>Scans (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.gif *.webp *.pdf);;All files (*)</source>
      <translation>Scans (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.gif *.webp *.pdf);;All files (*)</translation>
    </message>
    <message>
      <source>Scanned sheets to read</source>
      <translation>Scanned sheets to read</translation>
    </message>
    <message>
      <source>A folder of scanned sheets</source>
      <translation>A folder of scanned sheets</translation>
    </message>
    <message>
      <source>Counting the pages…</source>
      <translation>Counting the pages…</translation>
    </message>
    <message>
      <source>Stopping after this page…</source>
      <translation>Stopping after this page…</translation>
    </message>
    <message>
      <source>Reading %1 page(s)…</source>
      <translation>Reading %1 page(s)…</translation>
    </message>
    <message>
      <source>Page %1: %2</source>
      <translation>Page %1: %2</translation>
    </message>
    <message>
      <source>Page %1 of %2: %3 counted, %4 set aside for adjudication, %5 refused.</source>
      <translation>Page %1 of %2: %3 counted, %4 set aside for adjudication, %5 refused.</translation>
    </message>
    <message>
      <source>%1 page(s) read: %2 counted, %3 set aside for adjudication, %4 refused.</source>
      <translation>%1 page(s) read: %2 counted, %3 set aside for adjudication, %4 refused.</translation>
    </message>
    <message>
      <source>Stopped. %1</source>
      <translation>Stopped. %1</translation>
    </message>
    <message>
      <source>Read a batch of scanned ballot papers (images or PDF). Clear papers are counted; doubtful ones go to the adjudication queue with their picture.</source>
      <translation>Read a batch of scanned ballot papers (images or PDF). Clear papers are counted; doubtful ones go to the adjudication queue with their picture.</translation>
    </message>
    <message>
      <source>Read scanned f&amp;iles…</source>
      <translation>Read scanned f&amp;iles…</translation>
    </message>
    <message>
      <source>S&amp;top</source>
      <translation>S&amp;top</translation>
    </message>
    <message>
      <source>Read a f&amp;older…</source>
      <translation>Read a f&amp;older…</translation>
    </message>
  </context>
  <context>
    <name>CameraPanel</name>
    <message>
      <source>Camera on: %1. Hold a paper's code up to it.</source>
      <translation>Camera on: %1. Hold a paper's code up to it.</translation>
    </message>
    <message>
      <source>The camera stopped: %1</source>
      <translation>The camera stopped: %1</translation>
    </message>
    <message>
      <source>Last code read: %1</source>
      <translation>Last code read: %1</translation>
    </message>
    <message>
      <source>Start the &amp;camera</source>
      <translation>Start the &amp;camera</translation>
    </message>
    <message>
      <source>Stop the camera</source>
      <translation>Stop the camera</translation>
    </message>
    <message>
      <source>No camera was found on this computer. Use the handheld scanner, or type the code on the Scan tab.</source>
      <translation>No camera was found on this computer. Use the handheld scanner, or type the code on the Scan tab.</translation>
    </message>
    <message>
      <source>Choose a camera and start it; codes it sees are scanned as if typed.</source>
      <translation>Choose a camera and start it; codes it sees are scanned as if typed.</translation>
    </message>
  </context>
  <context>
    <name>CastingPanel</name>
    <message>
      <source>Casting vote</source>
      <translation>Casting vote</translation>
    </message>
    <message>
      <source>The vote is tied. The rules give the chair a casting vote.</source>
      <translation>The vote is tied. The rules give the chair a casting vote.</translation>
    </message>
    <message>
      <source>Chair's name:</source>
      <translation>Chair's name:</translation>
    </message>
    <message>
      <source>Casting vote &amp;for</source>
      <translation>Casting vote &amp;for</translation>
    </message>
    <message>
      <source>Casting vote &amp;against</source>
      <translation>Casting vote &amp;against</translation>
    </message>
  </context>
  <context>
    <name>ChairPage</name>
    <message>
      <source>%1. %2: %3</source>
      <translation>%1. %2: %3</translation>
    </message>
    <message>
      <source>The agenda has no items.</source>
      <translation>The agenda has no items.</translation>
    </message>
    <message>
      <source>Item %1: %2</source>
      <translation>Item %1: %2</translation>
    </message>
    <message>
      <source>Voting is open.</source>
      <translation>Voting is open.</translation>
    </message>
    <message>
      <source>Voting is closed; the result can be declared.</source>
      <translation>Voting is closed; the result can be declared.</translation>
    </message>
    <message>
      <source>The result has been declared.</source>
      <translation>The result has been declared.</translation>
    </message>
    <message>
      <source>Not open yet: take a show of hands, or open a vote on paper.</source>
      <translation>Not open yet: take a show of hands, or open a vote on paper.</translation>
    </message>
    <message>
      <source>Not open yet.</source>
      <translation>Not open yet.</translation>
    </message>
    <message>
      <source>Voting on item %1 is open.</source>
      <translation>Voting on item %1 is open.</translation>
    </message>
    <message>
      <source>The meeting is not quorate</source>
      <translation>The meeting is not quorate</translation>
    </message>
    <message>
      <source>%1

Open the vote anyway? Your reason is recorded in the audit log and printed on the declaration.</source>
      <translation>%1

Open the vote anyway? Your reason is recorded in the audit log and printed on the declaration.</translation>
    </message>
    <message>
      <source>Open the vote anyway</source>
      <translation>Open the vote anyway</translation>
    </message>
    <message>
      <source>Why the vote goes ahead without a quorum:</source>
      <translation>Why the vote goes ahead without a quorum:</translation>
    </message>
    <message>
      <source>The vote was not opened.</source>
      <translation>The vote was not opened.</translation>
    </message>
    <message>
      <source>Voting on item %1 cannot close yet: %2 scanned sheet(s) wait for adjudication. A teller decides each one on the Teller screen, Adjudication tab (accept the voter's clear intention, or reject it with a reason); then close the vote.</source>
      <translation>Voting on item %1 cannot close yet: %2 scanned sheet(s) wait for adjudication. A teller decides each one on the Teller screen, Adjudication tab (accept the voter's clear intention, or reject it with a reason); then close the vote.</translation>
    </message>
    <message>
      <source>Close the vote on item %1?</source>
      <translation>Close the vote on item %1?</translation>
    </message>
    <message>
      <source>%1 paper(s) are recorded. Once the vote closes no more papers are accepted, and the result can be counted and declared. A closed vote can be reopened only with a recorded reason.</source>
      <translation>%1 paper(s) are recorded. Once the vote closes no more papers are accepted, and the result can be counted and declared. A closed vote can be reopened only with a recorded reason.</translation>
    </message>
    <message>
      <source>Close the vote</source>
      <translation>Close the vote</translation>
    </message>
    <message>
      <source>Voting on item %1 is closed. Close code: %2. Write it into the minutes by hand: it proves later that the record was not rewritten.</source>
      <translation>Voting on item %1 is closed. Close code: %2. Write it into the minutes by hand: it proves later that the record was not rewritten.</translation>
    </message>
    <message>
      <source>Reopen the vote on item %1?</source>
      <translation>Reopen the vote on item %1?</translation>
    </message>
    <message>
      <source>The vote opens again so more papers can be recorded or sheets decided. Your reason is recorded in the audit log and printed on the declaration.</source>
      <translation>The vote opens again so more papers can be recorded or sheets decided. Your reason is recorded in the audit log and printed on the declaration.</translation>
    </message>
    <message>
      <source>Reopen the vote</source>
      <translation>Reopen the vote</translation>
    </message>
    <message>
      <source>Why the vote is reopened:</source>
      <translation>Why the vote is reopened:</translation>
    </message>
    <message>
      <source>Voting on item %1 is open again.</source>
      <translation>Voting on item %1 is open again.</translation>
    </message>
    <message>
      <source>Show of hands on item %1 recorded.</source>
      <translation>Show of hands on item %1 recorded.</translation>
    </message>
    <message>
      <source>A poll on item %1 was demanded by %2: open the vote on paper.</source>
      <translation>A poll on item %1 was demanded by %2: open the vote on paper.</translation>
    </message>
    <message>
      <source>for</source>
      <translation>for</translation>
    </message>
    <message>
      <source>against</source>
      <translation>against</translation>
    </message>
    <message>
      <source>Casting vote %1 recorded for item %2.</source>
      <translation>Casting vote %1 recorded for item %2.</translation>
    </message>
    <message>
      <source>Enter the name of the person declaring the result.</source>
      <translation>Enter the name of the person declaring the result.</translation>
    </message>
    <message>
      <source>Item %1 is already declared; a declared result cannot change.</source>
      <translation>Item %1 is already declared; a declared result cannot change.</translation>
    </message>
    <message>
      <source>%1

Declared by %2. The declared result is fixed: it cannot be changed, and the vote cannot be reopened.</source>
      <translation>%1

Declared by %2. The declared result is fixed: it cannot be changed, and the vote cannot be reopened.</translation>
    </message>
    <message>
      <source>(the result is still being counted)</source>
      <translation>(the result is still being counted)</translation>
    </message>
    <message>
      <source>The papers do not reconcile: %1.

%2</source>
      <translation>The papers do not reconcile: %1.

%2</translation>
    </message>
    <message>
      <source>Why the result is declared although the papers do not add up:</source>
      <translation>Why the result is declared although the papers do not add up:</translation>
    </message>
    <message>
      <source>Declare the result of item %1?</source>
      <translation>Declare the result of item %1?</translation>
    </message>
    <message>
      <source>Declare the result</source>
      <translation>Declare the result</translation>
    </message>
    <message>
      <source>The result of item %1 is declared by %2.</source>
      <translation>The result of item %1 is declared by %2.</translation>
    </message>
    <message>
      <source>%1 more paper(s) returned than issued (%2 issued, %3 returned)</source>
      <translation>%1 more paper(s) returned than issued (%2 issued, %3 returned)</translation>
    </message>
    <message>
      <source>more papers issued than printed</source>
      <translation>more papers issued than printed</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>Opened without a quorum</source>
      <translation>Opened without a quorum</translation>
    </message>
    <message>
      <source>Reopened after closing</source>
      <translation>Reopened after closing</translation>
    </message>
    <message>
      <source>Declared although the papers do not reconcile</source>
      <translation>Declared although the papers do not reconcile</translation>
    </message>
    <message>
      <source>Result of item %1</source>
      <translation>Result of item %1</translation>
    </message>
    <message>
      <source>No votes yet: open the vote or take a show of hands.</source>
      <translation>No votes yet: open the vote or take a show of hands.</translation>
    </message>
    <message>
      <source>&amp;Agenda</source>
      <translation>&amp;Agenda</translation>
    </message>
    <message>
      <source>&amp;Open the vote</source>
      <translation>&amp;Open the vote</translation>
    </message>
    <message>
      <source>&amp;Close the vote</source>
      <translation>&amp;Close the vote</translation>
    </message>
    <message>
      <source>Show the &amp;result</source>
      <translation>Show the &amp;result</translation>
    </message>
    <message>
      <source>Reope&amp;n the vote</source>
      <translation>Reope&amp;n the vote</translation>
    </message>
    <message>
      <source>Rehearsa&amp;l before the meeting…</source>
      <translation>Rehearsa&amp;l before the meeting…</translation>
    </message>
    <message>
      <source>No&amp;minations and candidate booklet…</source>
      <translation>No&amp;minations and candidate booklet…</translation>
    </message>
  </context>
  <context>
    <name>ClassesPage</name>
    <message>
      <source>Membership classes and weighting</source>
      <translation>Membership classes and weighting</translation>
    </message>
    <message>
      <source>One row per class: a short code, its names, the colour of its ballot papers. The weighting scheme says how much each class's votes count.</source>
      <translation>One row per class: a short code, its names, the colour of its ballot papers. The weighting scheme says how much each class's votes count.</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Name in Welsh</source>
      <translation>Name in Welsh</translation>
    </message>
    <message>
      <source>Name in English</source>
      <translation>Name in English</translation>
    </message>
    <message>
      <source>Colour</source>
      <translation>Colour</translation>
    </message>
    <message>
      <source>Share or votes</source>
      <translation>Share or votes</translation>
    </message>
    <message>
      <source>Membership classes</source>
      <translation>Membership classes</translation>
    </message>
    <message>
      <source>&amp;Add class</source>
      <translation>&amp;Add class</translation>
    </message>
    <message>
      <source>&amp;Remove class</source>
      <translation>&amp;Remove class</translation>
    </message>
    <message>
      <source>C&amp;hoose colour…</source>
      <translation>C&amp;hoose colour…</translation>
    </message>
    <message>
      <source>&amp;Weighting scheme:</source>
      <translation>&amp;Weighting scheme:</translation>
    </message>
    <message>
      <source>If a class casts no &amp;votes:</source>
      <translation>If a class casts no &amp;votes:</translation>
    </message>
    <message>
      <source>One member, one vote</source>
      <translation>One member, one vote</translation>
    </message>
    <message>
      <source>Each class has a share of the vote</source>
      <translation>Each class has a share of the vote</translation>
    </message>
    <message>
      <source>Fixed votes per member of each class</source>
      <translation>Fixed votes per member of each class</translation>
    </message>
    <message>
      <source>share its part among the other classes</source>
      <translation>share its part among the other classes</translation>
    </message>
    <message>
      <source>its part is lost</source>
      <translation>its part is lost</translation>
    </message>
    <message>
      <source>Weighting scheme</source>
      <translation>Weighting scheme</translation>
    </message>
    <message>
      <source>If a class casts no votes</source>
      <translation>If a class casts no votes</translation>
    </message>
    <message>
      <source>Rules &amp;preset:</source>
      <translation>Rules &amp;preset:</translation>
    </message>
    <message>
      <source>&amp;Investors' class:</source>
      <translation>&amp;Investors' class:</translation>
    </message>
    <message>
      <source>Rules preset</source>
      <translation>Rules preset</translation>
    </message>
    <message>
      <source>Investors' class</source>
      <translation>Investors' class</translation>
    </message>
    <message>
      <source>None: choose the weighting below</source>
      <translation>None: choose the weighting below</translation>
    </message>
    <message>
      <source>Every member's vote counts the same; the last column is not used.</source>
      <translation>Every member's vote counts the same; the last column is not used.</translation>
    </message>
    <message>
      <source>Last column: each class's share of the vote, such as 1/3; the shares add up to 1.</source>
      <translation>Last column: each class's share of the vote, such as 1/3; the shares add up to 1.</translation>
    </message>
    <message>
      <source>Last column: how many votes each member of the class has, such as 1 or 2.</source>
      <translation>Last column: how many votes each member of the class has, such as 1 or 2.</translation>
    </message>
  </context>
  <context>
    <name>Colour</name>
    <message>
      <source>red</source>
      <translation>red</translation>
    </message>
    <message>
      <source>orange</source>
      <translation>orange</translation>
    </message>
    <message>
      <source>yellow</source>
      <translation>yellow</translation>
    </message>
    <message>
      <source>green</source>
      <translation>green</translation>
    </message>
    <message>
      <source>blue</source>
      <translation>blue</translation>
    </message>
    <message>
      <source>purple</source>
      <translation>purple</translation>
    </message>
    <message>
      <source>pink</source>
      <translation>pink</translation>
    </message>
    <message>
      <source>brown</source>
      <translation>brown</translation>
    </message>
    <message>
      <source>grey</source>
      <translation>grey</translation>
    </message>
    <message>
      <source>black</source>
      <translation>black</translation>
    </message>
    <message>
      <source>white</source>
      <translation>white</translation>
    </message>
  </context>
  <context>
    <name>ConfirmsFields</name>
    <message>
      <source>The resolution this meeting confirms</source>
      <translation>The resolution this meeting confirms</translation>
    </message>
    <message>
      <source>Copy these from the first meeting's declaration.</source>
      <translation>Copy these from the first meeting's declaration.</translation>
    </message>
    <message>
      <source>First meeting's c&amp;ode:</source>
      <translation>First meeting's c&amp;ode:</translation>
    </message>
    <message>
      <source>I&amp;tem number there:</source>
      <translation>I&amp;tem number there:</translation>
    </message>
    <message>
      <source>&amp;Date it was held:</source>
      <translation>&amp;Date it was held:</translation>
    </message>
    <message>
      <source>&amp;Verification code:</source>
      <translation>&amp;Verification code:</translation>
    </message>
    <message>
      <source>Share for, &amp;as printed (optional):</source>
      <translation>Share for, &amp;as printed (optional):</translation>
    </message>
    <message>
      <source>e.g. R3LKGH</source>
      <translation>e.g. R3LKGH</translation>
    </message>
    <message>
      <source>e.g. 9E60 DAE6 39BE 4C15</source>
      <translation>e.g. 9E60 DAE6 39BE 4C15</translation>
    </message>
    <message>
      <source>e.g. 76.9%</source>
      <translation>e.g. 76.9%</translation>
    </message>
  </context>
  <context>
    <name>ConnectDialog</name>
    <message>
      <source>Connect to a shared meeting</source>
      <translation>Connect to a shared meeting</translation>
    </message>
    <message>
      <source>Several stations can work on one meeting kept on the chair's PostgreSQL server. Ask the chair for these details.</source>
      <translation>Several stations can work on one meeting kept on the chair's PostgreSQL server. Ask the chair for these details.</translation>
    </message>
    <message>
      <source>Server (&amp;host):</source>
      <translation>Server (&amp;host):</translation>
    </message>
    <message>
      <source>&amp;Port:</source>
      <translation>&amp;Port:</translation>
    </message>
    <message>
      <source>&amp;Database:</source>
      <translation>&amp;Database:</translation>
    </message>
    <message>
      <source>&amp;User:</source>
      <translation>&amp;User:</translation>
    </message>
    <message>
      <source>Pass&amp;word:</source>
      <translation>Pass&amp;word:</translation>
    </message>
    <message>
      <source>for example 192.168.1.20 or chair-laptop.local</source>
      <translation>for example 192.168.1.20 or chair-laptop.local</translation>
    </message>
    <message>
      <source>&amp;Test connection</source>
      <translation>&amp;Test connection</translation>
    </message>
    <message>
      <source>Connected: database %1 on %2 holds a meeting.</source>
      <translation>Connected: database %1 on %2 holds a meeting.</translation>
    </message>
  </context>
  <context>
    <name>DeclarationPanel</name>
    <message>
      <source>PDF documents (*.pdf)</source>
      <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
      <source>Save the declaration</source>
      <translation>Save the declaration</translation>
    </message>
    <message>
      <source>%1 could not be written: %2</source>
      <translation>%1 could not be written: %2</translation>
    </message>
    <message>
      <source>Saved %1.</source>
      <translation>Saved %1.</translation>
    </message>
    <message>
      <source>Sent %1 page(s) to the printer.</source>
      <translation>Sent %1 page(s) to the printer.</translation>
    </message>
    <message>
      <source>Previe&amp;w the declaration</source>
      <translation>Previe&amp;w the declaration</translation>
    </message>
    <message>
      <source>Preview the mi&amp;nutes</source>
      <translation>Preview the mi&amp;nutes</translation>
    </message>
    <message>
      <source>&amp;Save as PDF…</source>
      <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>&amp;Print…</translation>
    </message>
    <message>
      <source>Choose Preview to see the declaration as it will be printed.</source>
      <translation>Choose Preview to see the declaration as it will be printed.</translation>
    </message>
    <message>
      <source>Minutes extract: %1 page(s).</source>
      <translation>Minutes extract: %1 page(s).</translation>
    </message>
    <message>
      <source>Declaration of item %1: %2 page(s).</source>
      <translation>Declaration of item %1: %2 page(s).</translation>
    </message>
    <message>
      <source>Item %1 is not declared yet: this declaration is marked provisional (%2 page(s)).</source>
      <translation>Item %1 is not declared yet: this declaration is marked provisional (%2 page(s)).</translation>
    </message>
  </context>
  <context>
    <name>DeclarePanel</name>
    <message>
      <source>Declaration</source>
      <translation>Declaration</translation>
    </message>
    <message>
      <source>Declared by:</source>
      <translation>Declared by:</translation>
    </message>
    <message>
      <source>&amp;Declare the result</source>
      <translation>&amp;Declare the result</translation>
    </message>
    <message>
      <source>Once declared, the result is fixed and cannot be changed.</source>
      <translation>Once declared, the result is fixed and cannot be changed.</translation>
    </message>
  </context>
  <context>
    <name>DeskPage</name>
    <message>
      <source>&amp;Find a member: type a name or number, or scan their card</source>
      <translation>&amp;Find a member: type a name or number, or scan their card</translation>
    </message>
    <message>
      <source>name, membership number or card scan</source>
      <translation>name, membership number or card scan</translation>
    </message>
    <message>
      <source>Find a member</source>
      <translation>Find a member</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Number</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Here</source>
      <translation>Here</translation>
    </message>
    <message>
      <source>Proxies held</source>
      <translation>Proxies held</translation>
    </message>
    <message>
      <source>Members found</source>
      <translation>Members found</translation>
    </message>
    <message>
      <source>Check &amp;in</source>
      <translation>Check &amp;in</translation>
    </message>
    <message>
      <source>Check in</source>
      <translation>Check in</translation>
    </message>
    <message>
      <source>Check &amp;out</source>
      <translation>Check &amp;out</translation>
    </message>
    <message>
      <source>Check out</source>
      <translation>Check out</translation>
    </message>
    <message>
      <source>Give ballot packs</source>
      <translation>Give ballot packs</translation>
    </message>
    <message>
      <source>Proxy form handed in for this member</source>
      <translation>Proxy form handed in for this member</translation>
    </message>
    <message>
      <source>Membership number of the proxy holder</source>
      <translation>Membership number of the proxy holder</translation>
    </message>
    <message>
      <source>&amp;Directed</source>
      <translation>&amp;Directed</translation>
    </message>
    <message>
      <source>Give &amp;ballot packs</source>
      <translation>Give &amp;ballot packs</translation>
    </message>
    <message>
      <source>Pro&amp;xy holder (number):</source>
      <translation>Pro&amp;xy holder (number):</translation>
    </message>
    <message>
      <source>The chai&amp;r holds it</source>
      <translation>The chai&amp;r holds it</translation>
    </message>
    <message>
      <source>Instr&amp;uctions:</source>
      <translation>Instr&amp;uctions:</translation>
    </message>
    <message>
      <source>Directed: 1=for; 2=3,1,2; 3=discretion</source>
      <translation>Directed: 1=for; 2=3,1,2; 3=discretion</translation>
    </message>
    <message>
      <source>Instructions on the proxy form</source>
      <translation>Instructions on the proxy form</translation>
    </message>
    <message>
      <source>Record &amp;proxy</source>
      <translation>Record &amp;proxy</translation>
    </message>
    <message>
      <source>Record proxy</source>
      <translation>Record proxy</translation>
    </message>
    <message>
      <source>C&amp;ancel proxy</source>
      <translation>C&amp;ancel proxy</translation>
    </message>
    <message>
      <source>Cancel proxy</source>
      <translation>Cancel proxy</translation>
    </message>
    <message>
      <source>Pri&amp;nt papers, packs and cards…</source>
      <translation>Pri&amp;nt papers, packs and cards…</translation>
    </message>
    <message>
      <source>Print papers, packs and cards</source>
      <translation>Print papers, packs and cards</translation>
    </message>
    <message>
      <source>That code was not accepted: %1</source>
      <translation>That code was not accepted: %1</translation>
    </message>
    <message>
      <source>No member matches “%1”.</source>
      <translation>No member matches “%1”.</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>yes</translation>
    </message>
    <message>
      <source>no</source>
      <translation>no</translation>
    </message>
    <message>
      <source>active</source>
      <translation>active</translation>
    </message>
    <message>
      <source>lapsed</source>
      <translation>lapsed</translation>
    </message>
    <message>
      <source>No member chosen</source>
      <translation>No member chosen</translation>
    </message>
    <message>
      <source>Find a member above to check them in, hand over their ballot packs or record a proxy.</source>
      <translation>Find a member above to check them in, hand over their ballot packs or record a proxy.</translation>
    </message>
    <message>
      <source>%1 – %2</source>
      <translation>%1 – %2</translation>
    </message>
    <message>
      <source>Class: %1</source>
      <translation>Class: %1</translation>
    </message>
    <message>
      <source>Status: %1</source>
      <translation>Status: %1</translation>
    </message>
    <message>
      <source>Checked in</source>
      <translation>Checked in</translation>
    </message>
    <message>
      <source>Not checked in</source>
      <translation>Not checked in</translation>
    </message>
    <message>
      <source>Holds proxies for: %1</source>
      <translation>Holds proxies for: %1</translation>
    </message>
    <message>
      <source>Has appointed the chair as proxy</source>
      <translation>Has appointed the chair as proxy</translation>
    </message>
    <message>
      <source>Has appointed %1 as proxy</source>
      <translation>Has appointed %1 as proxy</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <source>%1 is checked in.</source>
      <translation>%1 is checked in.</translation>
    </message>
    <message>
      <source>%1 is checked out.</source>
      <translation>%1 is checked out.</translation>
    </message>
    <message>
      <source>Type the proxy holder's membership number, or tick “The chair holds it”.</source>
      <translation>Type the proxy holder's membership number, or tick “The chair holds it”.</translation>
    </message>
    <message>
      <source>Directed proxy entered for %1: the directed votes are counted, with no paper; the holder gets papers for the other items only.</source>
      <translation>Directed proxy entered for %1: the directed votes are counted, with no paper; the holder gets papers for the other items only.</translation>
    </message>
    <message>
      <source>Proxy recorded: the chair holds %1's vote.</source>
      <translation>Proxy recorded: the chair holds %1's vote.</translation>
    </message>
    <message>
      <source>Proxy recorded: %1 holds %2's vote.</source>
      <translation>Proxy recorded: %1 holds %2's vote.</translation>
    </message>
    <message>
      <source>%1's proxy is cancelled.</source>
      <translation>%1's proxy is cancelled.</translation>
    </message>
    <message>
      <source>Paper %1 of item %2 is void. Hand over a fresh paper for item %2 from the stock.</source>
      <translation>Paper %1 of item %2 is void. Hand over a fresh paper for item %2 from the stock.</translation>
    </message>
    <message>
      <source>Membership cards saved to %1 (%2 cards).</source>
      <translation>Membership cards saved to %1 (%2 cards).</translation>
    </message>
  </context>
  <context>
    <name>DetailsPage</name>
    <message>
      <source>The meeting</source>
      <translation>The meeting</translation>
    </message>
    <message>
      <source>Its name in Welsh and English, when and where it is held, and where to keep the meeting file.</source>
      <translation>Its name in Welsh and English, when and where it is held, and where to keep the meeting file.</translation>
    </message>
    <message>
      <source>Name in &amp;Welsh:</source>
      <translation>Name in &amp;Welsh:</translation>
    </message>
    <message>
      <source>Name in &amp;English:</source>
      <translation>Name in &amp;English:</translation>
    </message>
    <message>
      <source>Society in Eng&amp;lish:</source>
      <translation>Society in Eng&amp;lish:</translation>
    </message>
    <message>
      <source>&amp;Date of the meeting:</source>
      <translation>&amp;Date of the meeting:</translation>
    </message>
    <message>
      <source>&amp;Place:</source>
      <translation>&amp;Place:</translation>
    </message>
    <message>
      <source>Society in Wel&amp;sh:</source>
      <translation>Society in Wel&amp;sh:</translation>
    </message>
    <message>
      <source>Meeting &amp;file:</source>
      <translation>Meeting &amp;file:</translation>
    </message>
    <message>
      <source>Noti&amp;ce given on:</source>
      <translation>Noti&amp;ce given on:</translation>
    </message>
    <message>
      <source>C&amp;hoose…</source>
      <translation>C&amp;hoose…</translation>
    </message>
    <message>
      <source>Choose where to save the meeting file</source>
      <translation>Choose where to save the meeting file</translation>
    </message>
    <message>
      <source>Save the meeting file as</source>
      <translation>Save the meeting file as</translation>
    </message>
    <message>
      <source>coopvote meetings (*.coopvote)</source>
      <translation>coopvote meetings (*.coopvote)</translation>
    </message>
    <message>
      <source>Give the meeting its name in Welsh and in English, and choose where to save the meeting file.</source>
      <translation>Give the meeting its name in Welsh and in English, and choose where to save the meeting file.</translation>
    </message>
    <message>
      <source>%1 already exists; choose another name for the new meeting file.</source>
      <translation>%1 already exists; choose another name for the new meeting file.</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <source>Something unexpected went wrong: %1</source>
      <translation>Something unexpected went wrong: %1</translation>
    </message>
  </context>
  <context>
    <name>ExportPanel</name>
    <message>
      <source>coopvote archives (*.zip)</source>
      <translation>coopvote archives (*.zip)</translation>
    </message>
    <message>
      <source>Export the record</source>
      <translation>Export the record</translation>
    </message>
    <message>
      <source>Export works on a meeting file; copy a server meeting to a file first.</source>
      <translation>Export works on a meeting file; copy a server meeting to a file first.</translation>
    </message>
    <message>
      <source>Exporting to %1…</source>
      <translation>Exporting to %1…</translation>
    </message>
    <message>
      <source>Export cancelled: no archive is kept.</source>
      <translation>Export cancelled: no archive is kept.</translation>
    </message>
    <message>
      <source>Wrote %1 (%2 files, %3 bytes). Record verification code: %4</source>
      <translation>Wrote %1 (%2 files, %3 bytes). Record verification code: %4</translation>
    </message>
    <message>
      <source>The archive holds the results, every ballot as counted, the declarations, the minutes and the audit log, and can be checked on any computer with 'coopvote verify'.</source>
      <translation>The archive holds the results, every ballot as counted, the declarations, the minutes and the audit log, and can be checked on any computer with 'coopvote verify'.</translation>
    </message>
    <message>
      <source>&amp;Export the record…</source>
      <translation>&amp;Export the record…</translation>
    </message>
    <message>
      <source>&amp;Cancel</source>
      <translation>&amp;Cancel</translation>
    </message>
  </context>
  <context>
    <name>FirstLanguageDialog</name>
    <message>
      <source>Choose a language</source>
      <translation>Choose a language</translation>
    </message>
    <message>
      <source>You can change this later from the menu: View ▸ Iaith / Language. Press C for Cymraeg or E for English.</source>
      <translation>You can change this later from the menu: View ▸ Iaith / Language. Press C for Cymraeg or E for English.</translation>
    </message>
  </context>
  <context>
    <name>HandsPanel</name>
    <message>
      <source>Show of hands</source>
      <translation>Show of hands</translation>
    </message>
    <message>
      <source>For</source>
      <translation>For</translation>
    </message>
    <message>
      <source>Against</source>
      <translation>Against</translation>
    </message>
    <message>
      <source>Abstain</source>
      <translation>Abstain</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <source>%1: hands %2</source>
      <translation>%1: hands %2</translation>
    </message>
    <message>
      <source>Record the sho&amp;w of hands</source>
      <translation>Record the sho&amp;w of hands</translation>
    </message>
    <message>
      <source>Poll demanded by:</source>
      <translation>Poll demanded by:</translation>
    </message>
    <message>
      <source>Record the &amp;poll demand</source>
      <translation>Record the &amp;poll demand</translation>
    </message>
  </context>
  <context>
    <name>HelpDialog</name>
    <message>
      <source>Guide – coopvote</source>
      <translation>Guide – coopvote</translation>
    </message>
    <message>
      <source>The guide is not included in this copy of coopvote.</source>
      <translation>The guide is not included in this copy of coopvote.</translation>
    </message>
    <message>
      <source>Guide</source>
      <translation>Guide</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>&amp;Close</translation>
    </message>
  </context>
  <context>
    <name>ImportRegisterWizard</name>
    <message>
      <source>Import the register</source>
      <translation>Import the register</translation>
    </message>
    <message>
      <source>&amp;Import</source>
      <translation>&amp;Import</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>This meeting already has a register: importing replaces it, which is only possible before anyone is checked in.</source>
      <translation>This meeting already has a register: importing replaces it, which is only possible before anyone is checked in.</translation>
    </message>
    <message>
      <source>Importing the register…</source>
      <translation>Importing the register…</translation>
    </message>
    <message>
      <source>%1 members imported.</source>
      <translation>%1 members imported.</translation>
    </message>
  </context>
  <context>
    <name>ItemStatus</name>
    <message>
      <source>not open yet</source>
      <translation>not open yet</translation>
    </message>
    <message>
      <source>voting open</source>
      <translation>voting open</translation>
    </message>
    <message>
      <source>voting closed</source>
      <translation>voting closed</translation>
    </message>
    <message>
      <source>declared</source>
      <translation>declared</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>coopvote meetings (*.coopvote);;All files (*)</source>
      <translation>coopvote meetings (*.coopvote);;All files (*)</translation>
    </message>
    <message>
      <source>Connection to the shared meeting</source>
      <translation>Connection to the shared meeting</translation>
    </message>
    <message>
      <source>&amp;Meeting</source>
      <translation>&amp;Meeting</translation>
    </message>
    <message>
      <source>&amp;New meeting…</source>
      <translation>&amp;New meeting…</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>&amp;Open…</translation>
    </message>
    <message>
      <source>Open the &amp;demo meeting</source>
      <translation>Open the &amp;demo meeting</translation>
    </message>
    <message>
      <source>Connect to a &amp;shared meeting…</source>
      <translation>Connect to a &amp;shared meeting…</translation>
    </message>
    <message>
      <source>Import the &amp;register…</source>
      <translation>Import the &amp;register…</translation>
    </message>
    <message>
      <source>&amp;Close meeting</source>
      <translation>&amp;Close meeting</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <source>&amp;Go</source>
      <translation>&amp;Go</translation>
    </message>
    <message>
      <source>&amp;Projector window</source>
      <translation>&amp;Projector window</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <source>&amp;Language / Iaith</source>
      <translation>&amp;Language / Iaith</translation>
    </message>
    <message>
      <source>&amp;High contrast</source>
      <translation>&amp;High contrast</translation>
    </message>
    <message>
      <source>&amp;Bigger text</source>
      <translation>&amp;Bigger text</translation>
    </message>
    <message>
      <source>&amp;Smaller text</source>
      <translation>&amp;Smaller text</translation>
    </message>
    <message>
      <source>&amp;Normal text size</source>
      <translation>&amp;Normal text size</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>&amp;Guide to this screen</source>
      <translation>&amp;Guide to this screen</translation>
    </message>
    <message>
      <source>Roles</source>
      <translation>Roles</translation>
    </message>
    <message>
      <source>%1 – coopvote</source>
      <translation>%1 – coopvote</translation>
    </message>
    <message>
      <source>No meeting open</source>
      <translation>No meeting open</translation>
    </message>
    <message>
      <source>%1 — %2</source>
      <translation>%1 — %2</translation>
    </message>
    <message>
      <source>The projector window is not available: %1</source>
      <translation>The projector window is not available: %1</translation>
    </message>
    <message>
      <source>Open a meeting</source>
      <translation>Open a meeting</translation>
    </message>
    <message>
      <source>Opening %1…</source>
      <translation>Opening %1…</translation>
    </message>
    <message>
      <source>%1 members imported.</source>
      <translation>%1 members imported.</translation>
    </message>
    <message>
      <source>Connection lost: %1. Nothing unconfirmed is kept; carry on when it returns.</source>
      <translation>Connection lost: %1. Nothing unconfirmed is kept; carry on when it returns.</translation>
    </message>
    <message>
      <source>Connected to the shared meeting</source>
      <translation>Connected to the shared meeting</translation>
    </message>
    <message>
      <source>Backup failed: %1</source>
      <translation>Backup failed: %1</translation>
    </message>
    <message>
      <source>Last backup: %1</source>
      <translation>Last backup: %1</translation>
    </message>
    <message>
      <source>Preparing the demo meeting…</source>
      <translation>Preparing the demo meeting…</translation>
    </message>
  </context>
  <context>
    <name>MessageBanner</name>
    <message>
      <source>Hide this message</source>
      <translation>Hide this message</translation>
    </message>
  </context>
  <context>
    <name>NewMeetingWizard</name>
    <message>
      <source>New meeting</source>
      <translation>New meeting</translation>
    </message>
    <message>
      <source>&lt; &amp;Back</source>
      <translation>&lt; &amp;Back</translation>
    </message>
    <message>
      <source>&amp;Next &gt;</source>
      <translation>&amp;Next &gt;</translation>
    </message>
    <message>
      <source>&amp;Finish</source>
      <translation>&amp;Finish</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>new meeting</source>
      <translation>new meeting</translation>
    </message>
  </context>
  <context>
    <name>NominationsDialog</name>
    <message>
      <source>Nominations</source>
      <translation>Nominations</translation>
    </message>
    <message>
      <source>%1. %2</source>
      <translation>%1. %2</translation>
    </message>
    <message>
      <source>Candidate</source>
      <translation>Candidate</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>Proposer</source>
      <translation>Proposer</translation>
    </message>
    <message>
      <source>Seconder</source>
      <translation>Seconder</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Photo</translation>
    </message>
    <message>
      <source>&amp;Election:</source>
      <translation>&amp;Election:</translation>
    </message>
    <message>
      <source>&amp;Candidate's membership number:</source>
      <translation>&amp;Candidate's membership number:</translation>
    </message>
    <message>
      <source>&amp;Proposer's membership number:</source>
      <translation>&amp;Proposer's membership number:</translation>
    </message>
    <message>
      <source>&amp;Seconder's membership number:</source>
      <translation>&amp;Seconder's membership number:</translation>
    </message>
    <message>
      <source>&amp;Received on:</source>
      <translation>&amp;Received on:</translation>
    </message>
    <message>
      <source>Statement in &amp;Welsh:</source>
      <translation>Statement in &amp;Welsh:</translation>
    </message>
    <message>
      <source>Statement in E&amp;nglish:</source>
      <translation>Statement in E&amp;nglish:</translation>
    </message>
    <message>
      <source>Choose a p&amp;hoto…</source>
      <translation>Choose a p&amp;hoto…</translation>
    </message>
    <message>
      <source>Remo&amp;ve the photo</source>
      <translation>Remo&amp;ve the photo</translation>
    </message>
    <message>
      <source>&amp;Give the chosen candidate this photo</source>
      <translation>&amp;Give the chosen candidate this photo</translation>
    </message>
    <message>
      <source>Photo (optional, PNG or JPEG):</source>
      <translation>Photo (optional, PNG or JPEG):</translation>
    </message>
    <message>
      <source>N&amp;ominate</source>
      <translation>N&amp;ominate</translation>
    </message>
    <message>
      <source>Reason for withdrawing</source>
      <translation>Reason for withdrawing</translation>
    </message>
    <message>
      <source>Wi&amp;thdraw the chosen candidate</source>
      <translation>Wi&amp;thdraw the chosen candidate</translation>
    </message>
    <message>
      <source>C&amp;lose nominations</source>
      <translation>C&amp;lose nominations</translation>
    </message>
    <message>
      <source>Print the &amp;booklet</source>
      <translation>Print the &amp;booklet</translation>
    </message>
    <message>
      <source>Print the Eas&amp;y Read booklet</source>
      <translation>Print the Eas&amp;y Read booklet</translation>
    </message>
    <message>
      <source>standing</source>
      <translation>standing</translation>
    </message>
    <message>
      <source>withdrawn</source>
      <translation>withdrawn</translation>
    </message>
    <message>
      <source>none</source>
      <translation>none</translation>
    </message>
    <message>
      <source>given</source>
      <translation>given</translation>
    </message>
    <message>
      <source>The chosen photo</source>
      <translation>The chosen photo</translation>
    </message>
    <message>
      <source>No photo</source>
      <translation>No photo</translation>
    </message>
    <message>
      <source>The candidate's photo</source>
      <translation>The candidate's photo</translation>
    </message>
    <message>
      <source>Photos (*.png *.jpg *.jpeg)</source>
      <translation>Photos (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
      <source>Photo chosen: %1. Nominate, or give it to the candidate chosen in the table.</source>
      <translation>Photo chosen: %1. Nominate, or give it to the candidate chosen in the table.</translation>
    </message>
    <message>
      <source>Choose the candidate in the table to give the photo to.</source>
      <translation>Choose the candidate in the table to give the photo to.</translation>
    </message>
    <message>
      <source>Photo saved for %1.</source>
      <translation>Photo saved for %1.</translation>
    </message>
    <message>
      <source>No election on the agenda takes nominations.</source>
      <translation>No election on the agenda takes nominations.</translation>
    </message>
    <message>
      <source>Nominated: %1.</source>
      <translation>Nominated: %1.</translation>
    </message>
    <message>
      <source>Choose the candidate who withdraws in the table.</source>
      <translation>Choose the candidate who withdraws in the table.</translation>
    </message>
    <message>
      <source>Withdrawn: %1.</source>
      <translation>Withdrawn: %1.</translation>
    </message>
    <message>
      <source>Nominations closed. Elected unopposed, without a vote: %1. Close code: %2. Write it into the minutes by hand: it proves later that the record was not rewritten.</source>
      <translation>Nominations closed. Elected unopposed, without a vote: %1. Close code: %2. Write it into the minutes by hand: it proves later that the record was not rewritten.</translation>
    </message>
    <message>
      <source>Nominations closed. Ballot order: %1.</source>
      <translation>Nominations closed. Ballot order: %1.</translation>
    </message>
    <message>
      <source>Booklet written: %1</source>
      <translation>Booklet written: %1</translation>
    </message>
  </context>
  <context>
    <name>NotAvailablePage</name>
    <message>
      <source>%1: not available in this copy of coopvote</source>
      <translation>%1: not available in this copy of coopvote</translation>
    </message>
  </context>
  <context>
    <name>PackPanel</name>
    <message>
      <source>1 %1 pack (proxy for %2)</source>
      <translation>1 %1 pack (proxy for %2)</translation>
    </message>
    <message>
      <source>1 %1 pack (%2)</source>
      <translation>1 %1 pack (%2)</translation>
    </message>
    <message>
      <source>Give %1</source>
      <translation>Give %1</translation>
    </message>
    <message>
      <source>Ballot packs to hand over</source>
      <translation>Ballot packs to hand over</translation>
    </message>
    <message>
      <source>No packs to hand over yet.</source>
      <translation>No packs to hand over yet.</translation>
    </message>
    <message>
      <source>%1 pack, class %2, for %3 (proxy): items %4</source>
      <translation>%1 pack, class %2, for %3 (proxy): items %4</translation>
    </message>
    <message>
      <source>%1 pack, class %2, for %3: items %4</source>
      <translation>%1 pack, class %2, for %3: items %4</translation>
    </message>
  </context>
  <context>
    <name>PrintingDialog</name>
    <message>
      <source>Ballot papers for one item</source>
      <translation>Ballot papers for one item</translation>
    </message>
    <message>
      <source>Vote slips for one resolution</source>
      <translation>Vote slips for one resolution</translation>
    </message>
    <message>
      <source>Packs: one paper for each item still to be voted on</source>
      <translation>Packs: one paper for each item still to be voted on</translation>
    </message>
    <message>
      <source>Membership cards for every member who may vote</source>
      <translation>Membership cards for every member who may vote</translation>
    </message>
    <message>
      <source>Standard</source>
      <translation>Standard</translation>
    </message>
    <message>
      <source>Easy read</source>
      <translation>Easy read</translation>
    </message>
    <message>
      <source>Large print</source>
      <translation>Large print</translation>
    </message>
    <message>
      <source>PDF documents (*.pdf)</source>
      <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
      <source>%1. %2</source>
      <translation>%1. %2</translation>
    </message>
    <message>
      <source>No item is waiting for its vote: there is nothing to print.</source>
      <translation>No item is waiting for its vote: there is nothing to print.</translation>
    </message>
    <message>
      <source>%1 members of class %2 may vote.</source>
      <translation>%1 members of class %2 may vote.</translation>
    </message>
    <message>
      <source>%1 membership cards are ready: %2 page(s).</source>
      <translation>%1 membership cards are ready: %2 page(s).</translation>
    </message>
    <message>
      <source>%1 ready for class %2: %3 page(s). They are now in the record as printed; print them, or keep the PDF with the returning officer.</source>
      <translation>%1 ready for class %2: %3 page(s). They are now in the record as printed; print them, or keep the PDF with the returning officer.</translation>
    </message>
    <message>
      <source>%1 packs</source>
      <translation>%1 packs</translation>
    </message>
    <message>
      <source>%1 sets of vote slips for item %2</source>
      <translation>%1 sets of vote slips for item %2</translation>
    </message>
    <message>
      <source>%1 ballot papers for item %2</source>
      <translation>%1 ballot papers for item %2</translation>
    </message>
    <message>
      <source>Choose what to print, then press Prepare to see the pages.</source>
      <translation>Choose what to print, then press Prepare to see the pages.</translation>
    </message>
    <message>
      <source>Page %1 of %2</source>
      <translation>Page %1 of %2</translation>
    </message>
    <message>
      <source>Sent %1 page(s) to the printer.</source>
      <translation>Sent %1 page(s) to the printer.</translation>
    </message>
    <message>
      <source>Save the papers as PDF</source>
      <translation>Save the papers as PDF</translation>
    </message>
    <message>
      <source>%1 could not be written: %2</source>
      <translation>%1 could not be written: %2</translation>
    </message>
    <message>
      <source>Saved %1. Delete it once the papers are printed: its page order could tie papers to members.</source>
      <translation>Saved %1. Delete it once the papers are printed: its page order could tie papers to members.</translation>
    </message>
    <message>
      <source>Print papers, packs and cards</source>
      <translation>Print papers, packs and cards</translation>
    </message>
    <message>
      <source>%1 – %2 (%3 may vote)</source>
      <translation>%1 – %2 (%3 may vote)</translation>
    </message>
    <message>
      <source>&amp;What to print:</source>
      <translation>&amp;What to print:</translation>
    </message>
    <message>
      <source>&amp;Item:</source>
      <translation>&amp;Item:</translation>
    </message>
    <message>
      <source>&amp;Class:</source>
      <translation>&amp;Class:</translation>
    </message>
    <message>
      <source>&amp;Version:</source>
      <translation>&amp;Version:</translation>
    </message>
    <message>
      <source>Page si&amp;ze:</source>
      <translation>Page si&amp;ze:</translation>
    </message>
    <message>
      <source>How &amp;many:</source>
      <translation>How &amp;many:</translation>
    </message>
    <message>
      <source>P&amp;repare</source>
      <translation>P&amp;repare</translation>
    </message>
    <message>
      <source>Previous pa&amp;ge</source>
      <translation>Previous pa&amp;ge</translation>
    </message>
    <message>
      <source>Ne&amp;xt page</source>
      <translation>Ne&amp;xt page</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>&amp;Print…</translation>
    </message>
    <message>
      <source>&amp;Save as PDF…</source>
      <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Preview of the page</source>
      <translation>Preview of the page</translation>
    </message>
  </context>
  <context>
    <name>ProgressPanel</name>
    <message>
      <source>Papers returned so far</source>
      <translation>Papers returned so far</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>Issued</source>
      <translation>Issued</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>Returned</translation>
    </message>
    <message>
      <source>Not yet returned</source>
      <translation>Not yet returned</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <source>%1 of %2 papers returned</source>
      <translation>%1 of %2 papers returned</translation>
    </message>
    <message>
      <source>%1: %2 returned, %3 issued</source>
      <translation>%1: %2 returned, %3 issued</translation>
    </message>
    <message>
      <source>The papers do not add up (%1). Declaring will need the chair's reason.</source>
      <translation>The papers do not add up (%1). Declaring will need the chair's reason.</translation>
    </message>
  </context>
  <context>
    <name>ProjectorWindow</name>
    <message>
      <source>Full screen on screen %1: %2 (%3×%4)</source>
      <translation>Full screen on screen %1: %2 (%3×%4)</translation>
    </message>
    <message>
      <source>Leave full screen (Esc)</source>
      <translation>Leave full screen (Esc)</translation>
    </message>
  </context>
  <context>
    <name>QuorumPanel</name>
    <message>
      <source>Quorum</source>
      <translation>Quorum</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>Needed</source>
      <translation>Needed</translation>
    </message>
    <message>
      <source>Present</source>
      <translation>Present</translation>
    </message>
    <message>
      <source>By proxy</source>
      <translation>By proxy</translation>
    </message>
    <message>
      <source>Quorum by class</source>
      <translation>Quorum by class</translation>
    </message>
    <message>
      <source>Quorum cannot be worked out</source>
      <translation>Quorum cannot be worked out</translation>
    </message>
    <message>
      <source>Quorate</source>
      <translation>Quorate</translation>
    </message>
    <message>
      <source>Not quorate yet</source>
      <translation>Not quorate yet</translation>
    </message>
    <message>
      <source>All members</source>
      <translation>All members</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1 (%2)</translation>
    </message>
  </context>
  <context>
    <name>ReconciliationTable</name>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>Printed</source>
      <translation>Printed</translation>
    </message>
    <message>
      <source>Issued</source>
      <translation>Issued</translation>
    </message>
    <message>
      <source>Spoilt</source>
      <translation>Spoilt</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>Returned</translation>
    </message>
    <message>
      <source>Valid</source>
      <translation>Valid</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <source>Not returned</source>
      <translation>Not returned</translation>
    </message>
  </context>
  <context>
    <name>RegisterPage</name>
    <message>
      <source>Membership register</source>
      <translation>Membership register</translation>
    </message>
    <message>
      <source>A CSV or Excel (.xlsx) file: membership number, name, class, and optionally vote value and status. Leave it empty to create the meeting without members.</source>
      <translation>A CSV or Excel (.xlsx) file: membership number, name, class, and optionally vote value and status. Leave it empty to create the meeting without members.</translation>
    </message>
    <message>
      <source>Register &amp;file:</source>
      <translation>Register &amp;file:</translation>
    </message>
    <message>
      <source>Register file</source>
      <translation>Register file</translation>
    </message>
    <message>
      <source>C&amp;hoose…</source>
      <translation>C&amp;hoose…</translation>
    </message>
    <message>
      <source>Chec&amp;k the file</source>
      <translation>Chec&amp;k the file</translation>
    </message>
    <message>
      <source>S&amp;top</source>
      <translation>S&amp;top</translation>
    </message>
    <message>
      <source>&amp;Problems (each must be fixed in the file):</source>
      <translation>&amp;Problems (each must be fixed in the file):</translation>
    </message>
    <message>
      <source>Problems in the register</source>
      <translation>Problems in the register</translation>
    </message>
    <message>
      <source>Pre&amp;view of the members:</source>
      <translation>Pre&amp;view of the members:</translation>
    </message>
    <message>
      <source>Preview of the members</source>
      <translation>Preview of the members</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>Line</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Number</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>Vote value</source>
      <translation>Vote value</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Choose the membership register</source>
      <translation>Choose the membership register</translation>
    </message>
    <message>
      <source>Registers (*.csv *.xlsx *.txt);;All files (*)</source>
      <translation>Registers (*.csv *.xlsx *.txt);;All files (*)</translation>
    </message>
    <message>
      <source>Reading the register…</source>
      <translation>Reading the register…</translation>
    </message>
    <message>
      <source>Stopped reading the register.</source>
      <translation>Stopped reading the register.</translation>
    </message>
    <message>
      <source>%1 members can be imported (%2). Nothing is saved yet.</source>
      <translation>%1 members can be imported (%2). Nothing is saved yet.</translation>
    </message>
    <message>
      <source>%1 problem(s): nothing will be imported. Fix the file, save it, and press “Check the file” again.</source>
      <translation>%1 problem(s): nothing will be imported. Fix the file, save it, and press “Check the file” again.</translation>
    </message>
    <message>
      <source>Note: %1</source>
      <translation>Note: %1</translation>
    </message>
  </context>
  <context>
    <name>RehearsalDialog</name>
    <message>
      <source>Rehearsal before the meeting</source>
      <translation>Rehearsal before the meeting</translation>
    </message>
    <message>
      <source>The rehearsal prints a test deck: every item, class, value band and paper variant, marked clear, faint, spoilt, blank and over-voted, and vote slips for every resolution, two of them torn from one sheet. Scan it on the meeting's scanner, then check the scans: coopvote reads and counts them as it will on the day and compares every paper and every tally with the deck. The test papers can never count in the real vote, and the meeting is left as it was.</source>
      <translation>The rehearsal prints a test deck: every item, class, value band and paper variant, marked clear, faint, spoilt, blank and over-voted, and vote slips for every resolution, two of them torn from one sheet. Scan it on the meeting's scanner, then check the scans: coopvote reads and counts them as it will on the day and compares every paper and every tally with the deck. The test papers can never count in the real vote, and the meeting is left as it was.</translation>
    </message>
    <message>
      <source>&amp;Folder for the deck and its key:</source>
      <translation>&amp;Folder for the deck and its key:</translation>
    </message>
    <message>
      <source>1. &amp;Print the test deck</source>
      <translation>1. &amp;Print the test deck</translation>
    </message>
    <message>
      <source>&amp;Scanned files (separate with ;):</source>
      <translation>&amp;Scanned files (separate with ;):</translation>
    </message>
    <message>
      <source>&amp;Choose…</source>
      <translation>&amp;Choose…</translation>
    </message>
    <message>
      <source>2. Chec&amp;k the scans</source>
      <translation>2. Chec&amp;k the scans</translation>
    </message>
    <message>
      <source>S&amp;top</source>
      <translation>S&amp;top</translation>
    </message>
    <message>
      <source>Page %1 of %2</source>
      <translation>Page %1 of %2</translation>
    </message>
    <message>
      <source>Stopped: no test deck was printed and nothing was kept.</source>
      <translation>Stopped: no test deck was printed and nothing was kept.</translation>
    </message>
    <message>
      <source>Test deck printed: %1 (%2 pages, %3 of them vote slips). Print it, scan it, then check the scans.</source>
      <translation>Test deck printed: %1 (%2 pages, %3 of them vote slips). Print it, scan it, then check the scans.</translation>
    </message>
    <message>
      <source>The scanned test deck</source>
      <translation>The scanned test deck</translation>
    </message>
    <message>
      <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
      <translation>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
      <source>Stopped: nothing was recorded, and the test deck still waits for its scans.</source>
      <translation>Stopped: nothing was recorded, and the test deck still waits for its scans.</translation>
    </message>
    <message>
      <source>The rehearsal passed: %1 test sheets read and counted as marked.</source>
      <translation>The rehearsal passed: %1 test sheets read and counted as marked.</translation>
    </message>
    <message>
      <source>The rehearsal FAILED: %1 problems. Fix the set-up and rehearse again.</source>
      <translation>The rehearsal FAILED: %1 problems. Fix the set-up and rehearse again.</translation>
    </message>
  </context>
  <context>
    <name>ResultPanel</name>
    <message>
      <source>Counting…</source>
      <translation>Counting…</translation>
    </message>
    <message>
      <source>No result to show yet.</source>
      <translation>No result to show yet.</translation>
    </message>
    <message>
      <source>Privacy: %1</source>
      <translation>Privacy: %1</translation>
    </message>
    <message>
      <source>Stages of the count (quota %1)</source>
      <translation>Stages of the count (quota %1)</translation>
    </message>
    <message>
      <source>Stages of the count</source>
      <translation>Stages of the count</translation>
    </message>
    <message>
      <source>Papers returned: %1; valid: %2.</source>
      <translation>Papers returned: %1; valid: %2.</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>Rejected papers: %1.</source>
      <translation>Rejected papers: %1.</translation>
    </message>
    <message>
      <source>A poll was demanded by %1.</source>
      <translation>A poll was demanded by %1.</translation>
    </message>
    <message>
      <source>Decided on a show of hands.</source>
      <translation>Decided on a show of hands.</translation>
    </message>
    <message>
      <source>Tie at stage %1 settled by %2.</source>
      <translation>Tie at stage %1 settled by %2.</translation>
    </message>
    <message>
      <source>%1
papers</source>
      <translation>%1
papers</translation>
    </message>
    <message>
      <source>First preferences</source>
      <translation>First preferences</translation>
    </message>
    <message>
      <source>Total papers</source>
      <translation>Total papers</translation>
    </message>
    <message>
      <source>Weighted votes</source>
      <translation>Weighted votes</translation>
    </message>
    <message>
      <source>Papers returned</source>
      <translation>Papers returned</translation>
    </message>
    <message>
      <source>Votes by option and class</source>
      <translation>Votes by option and class</translation>
    </message>
  </context>
  <context>
    <name>ResultsPage</name>
    <message>
      <source>%1. %2: %3</source>
      <translation>%1. %2: %3</translation>
    </message>
    <message>
      <source>The agenda has no items.</source>
      <translation>The agenda has no items.</translation>
    </message>
    <message>
      <source>Item %1: %2</source>
      <translation>Item %1: %2</translation>
    </message>
    <message>
      <source>Voting is open: the result is shown once it closes.</source>
      <translation>Voting is open: the result is shown once it closes.</translation>
    </message>
    <message>
      <source>The papers reconcile.</source>
      <translation>The papers reconcile.</translation>
    </message>
    <message>
      <source>&amp;Items</source>
      <translation>&amp;Items</translation>
    </message>
    <message>
      <source>Papers out and back</source>
      <translation>Papers out and back</translation>
    </message>
    <message>
      <source>&amp;Result</source>
      <translation>&amp;Result</translation>
    </message>
    <message>
      <source>&amp;Declaration</source>
      <translation>&amp;Declaration</translation>
    </message>
    <message>
      <source>E&amp;xport</source>
      <translation>E&amp;xport</translation>
    </message>
  </context>
  <context>
    <name>Roles</name>
    <message>
      <source>Start</source>
      <translation>Start</translation>
    </message>
    <message>
      <source>Before the meeting</source>
      <translation>Before the meeting</translation>
    </message>
    <message>
      <source>Registration desk</source>
      <translation>Registration desk</translation>
    </message>
    <message>
      <source>Chair</source>
      <translation>Chair</translation>
    </message>
    <message>
      <source>Teller</source>
      <translation>Teller</translation>
    </message>
    <message>
      <source>Results</source>
      <translation>Results</translation>
    </message>
  </context>
  <context>
    <name>RulesPage</name>
    <message>
      <source>Rules: quorum, proxies and ties</source>
      <translation>Rules: quorum, proxies and ties</translation>
    </message>
    <message>
      <source>As the society's rules state them. Thresholds are set per item on the agenda page.</source>
      <translation>As the society's rules state them. Thresholds are set per item on the agenda page.</translation>
    </message>
    <message>
      <source>Quorum, &amp;percent of members:</source>
      <translation>Quorum, &amp;percent of members:</translation>
    </message>
    <message>
      <source>Quorum, &amp;fixed number (0 for none):</source>
      <translation>Quorum, &amp;fixed number (0 for none):</translation>
    </message>
    <message>
      <source>At least this many present from &amp;each class:</source>
      <translation>At least this many present from &amp;each class:</translation>
    </message>
    <message>
      <source>Members at&amp;tending by proxy:</source>
      <translation>Members at&amp;tending by proxy:</translation>
    </message>
    <message>
      <source>Proxies one member may &amp;hold:</source>
      <translation>Proxies one member may &amp;hold:</translation>
    </message>
    <message>
      <source>The &amp;chair:</source>
      <translation>The &amp;chair:</translation>
    </message>
    <message>
      <source>A tie&amp;d resolution:</source>
      <translation>A tie&amp;d resolution:</translation>
    </message>
    <message>
      <source>Name of the ch&amp;air:</source>
      <translation>Name of the ch&amp;air:</translation>
    </message>
    <message>
      <source>Name of the &amp;returning officer:</source>
      <translation>Name of the &amp;returning officer:</translation>
    </message>
    <message>
      <source>Name of the returning officer</source>
      <translation>Name of the returning officer</translation>
    </message>
    <message>
      <source>count towards the quorum</source>
      <translation>count towards the quorum</translation>
    </message>
    <message>
      <source>may hold proxies</source>
      <translation>may hold proxies</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>Minimum present</source>
      <translation>Minimum present</translation>
    </message>
    <message>
      <source>the chair has a casting vote</source>
      <translation>the chair has a casting vote</translation>
    </message>
    <message>
      <source>is lost</source>
      <translation>is lost</translation>
    </message>
    <message>
      <source>is decided by lot</source>
      <translation>is decided by lot</translation>
    </message>
    <message>
      <source>The minimum for class %1 should be a whole number, 0 or more.</source>
      <translation>The minimum for class %1 should be a whole number, 0 or more.</translation>
    </message>
  </context>
  <context>
    <name>ScanPanel</name>
    <message>
      <source>Paper set aside: nothing recorded. Scan the next code.</source>
      <translation>Paper set aside: nothing recorded. Scan the next code.</translation>
    </message>
    <message>
      <source>Paper %1 of item %2 was not recorded (no marks keyed).
%3</source>
      <translation>Paper %1 of item %2 was not recorded (no marks keyed).
%3</translation>
    </message>
    <message>
      <source>Item %1 (%2), %3 paper %4</source>
      <translation>Item %1 (%2), %3 paper %4</translation>
    </message>
    <message>
      <source>%1
Press 1 For, 2 Against, 3 Abstain</source>
      <translation>%1
Press 1 For, 2 Against, 3 Abstain</translation>
    </message>
    <message>
      <source>%1
Type the rank beside each candidate in order (- for a blank), then Enter:
%2</source>
      <translation>%1
Type the rank beside each candidate in order (- for a blank), then Enter:
%2</translation>
    </message>
    <message>
      <source>%1
Type the numbers of the marked candidates, then Enter:
%2</source>
      <translation>%1
Type the numbers of the marked candidates, then Enter:
%2</translation>
    </message>
    <message>
      <source>%1
Try again: %2</source>
      <translation>%1
Try again: %2</translation>
    </message>
    <message>
      <source>type numbers only, separated by spaces</source>
      <translation>type numbers only, separated by spaces</translation>
    </message>
    <message>
      <source>%1 ranks typed for %2 candidates</source>
      <translation>%1 ranks typed for %2 candidates</translation>
    </message>
    <message>
      <source>ranks run from 1 to %1</source>
      <translation>ranks run from 1 to %1</translation>
    </message>
    <message>
      <source>%1
%2
Key the marks again, or reject the paper: choose the reason and press Reject.</source>
      <translation>%1
%2
Key the marks again, or reject the paper: choose the reason and press Reject.</translation>
    </message>
    <message>
      <source>No paper is waiting: scan the paper to reject first.</source>
      <translation>No paper is waiting: scan the paper to reject first.</translation>
    </message>
    <message>
      <source>For</source>
      <translation>For</translation>
    </message>
    <message>
      <source>Against</source>
      <translation>Against</translation>
    </message>
    <message>
      <source>Abstain</source>
      <translation>Abstain</translation>
    </message>
    <message>
      <source>item %1: %2 returned of %3 issued</source>
      <translation>item %1: %2 returned of %3 issued</translation>
    </message>
    <message>
      <source>All stations: %1</source>
      <translation>All stations: %1</translation>
    </message>
    <message>
      <source>No vote is open.</source>
      <translation>No vote is open.</translation>
    </message>
    <message>
      <source>item %1: %2</source>
      <translation>item %1: %2</translation>
    </message>
    <message>
      <source>Counted here: %1 (%2)   Refused: %3</source>
      <translation>Counted here: %1 (%2)   Refused: %3</translation>
    </message>
    <message>
      <source>&amp;Code (scan, or type and press Enter)</source>
      <translation>&amp;Code (scan, or type and press Enter)</translation>
    </message>
    <message>
      <source>Scan an advance ballot paper</source>
      <translation>Scan an advance ballot paper</translation>
    </message>
    <message>
      <source>Scan a ballot paper or vote slip</source>
      <translation>Scan a ballot paper or vote slip</translation>
    </message>
    <message>
      <source>Reason for undoing:</source>
      <translation>Reason for undoing:</translation>
    </message>
    <message>
      <source>Reject the waiting paper as:</source>
      <translation>Reject the waiting paper as:</translation>
    </message>
    <message>
      <source>Re&amp;ject the paper</source>
      <translation>Re&amp;ject the paper</translation>
    </message>
    <message>
      <source>&amp;Undo the last scan</source>
      <translation>&amp;Undo the last scan</translation>
    </message>
    <message>
      <source>Advance papers come without vote slips. Scan a paper's code, then give its marks: press 1, 2 or 3 for a resolution, or type the numbers and press Enter for an election. Esc sets a paper aside.</source>
      <translation>Advance papers come without vote slips. Scan a paper's code, then give its marks: press 1, 2 or 3 for a resolution, or type the numbers and press Enter for an election. Esc sets a paper aside.</translation>
    </message>
    <message>
      <source>A vote slip is counted at once. A ballot paper then needs its marks: press 1, 2 or 3 for a resolution, or type the numbers and press Enter for an election. Esc sets a paper aside.</source>
      <translation>A vote slip is counted at once. A ballot paper then needs its marks: press 1, 2 or 3 for a resolution, or type the numbers and press Enter for an election. Esc sets a paper aside.</translation>
    </message>
    <message>
      <source>Ready: scan the first paper.</source>
      <translation>Ready: scan the first paper.</translation>
    </message>
  </context>
  <context>
    <name>SpoiltPanel</name>
    <message>
      <source>Exchange a spoilt paper</source>
      <translation>Exchange a spoilt paper</translation>
    </message>
    <message>
      <source>It&amp;em:</source>
      <translation>It&amp;em:</translation>
    </message>
    <message>
      <source>Seria&amp;l number:</source>
      <translation>Seria&amp;l number:</translation>
    </message>
    <message>
      <source>Rea&amp;son:</source>
      <translation>Rea&amp;son:</translation>
    </message>
    <message>
      <source>for example: torn, wrong mark made</source>
      <translation>for example: torn, wrong mark made</translation>
    </message>
    <message>
      <source>Void spoil&amp;t paper</source>
      <translation>Void spoil&amp;t paper</translation>
    </message>
    <message>
      <source>Agenda item of the spoilt paper</source>
      <translation>Agenda item of the spoilt paper</translation>
    </message>
    <message>
      <source>Serial number of the spoilt paper</source>
      <translation>Serial number of the spoilt paper</translation>
    </message>
    <message>
      <source>Why the paper is spoilt</source>
      <translation>Why the paper is spoilt</translation>
    </message>
    <message>
      <source>Void spoilt paper</source>
      <translation>Void spoilt paper</translation>
    </message>
    <message>
      <source>%1. %2</source>
      <translation>%1. %2</translation>
    </message>
  </context>
  <context>
    <name>StageTable</name>
    <message>
      <source>No stages to show</source>
      <translation>No stages to show</translation>
    </message>
    <message>
      <source>Non-transferable</source>
      <translation>Non-transferable</translation>
    </message>
    <message>
      <source>Stage %1
%2</source>
      <translation>Stage %1
%2</translation>
    </message>
    <message>
      <source>%1 elected at stage %2</source>
      <translation>%1 elected at stage %2</translation>
    </message>
    <message>
      <source>%1 excluded at stage %2</source>
      <translation>%1 excluded at stage %2</translation>
    </message>
    <message>
      <source>Stage table: %1 stages</source>
      <translation>Stage table: %1 stages</translation>
    </message>
  </context>
  <context>
    <name>StartPage</name>
    <message>
      <source>coopvote</source>
      <translation>coopvote</translation>
    </message>
    <message>
      <source>Votes at a co-operative's general meeting: registration, paper ballots, counting and results. Start a new meeting, or open one.</source>
      <translation>Votes at a co-operative's general meeting: registration, paper ballots, counting and results. Start a new meeting, or open one.</translation>
    </message>
    <message>
      <source>&amp;New meeting…</source>
      <translation>&amp;New meeting…</translation>
    </message>
    <message>
      <source>New meeting</source>
      <translation>New meeting</translation>
    </message>
    <message>
      <source>&amp;Open a meeting file…</source>
      <translation>&amp;Open a meeting file…</translation>
    </message>
    <message>
      <source>Open a meeting file</source>
      <translation>Open a meeting file</translation>
    </message>
    <message>
      <source>Try the &amp;demo meeting</source>
      <translation>Try the &amp;demo meeting</translation>
    </message>
    <message>
      <source>Try the demo meeting</source>
      <translation>Try the demo meeting</translation>
    </message>
    <message>
      <source>Connect to a &amp;shared meeting…</source>
      <translation>Connect to a &amp;shared meeting…</translation>
    </message>
    <message>
      <source>Connect to a shared meeting</source>
      <translation>Connect to a shared meeting</translation>
    </message>
    <message>
      <source>&amp;Recent meetings</source>
      <translation>&amp;Recent meetings</translation>
    </message>
    <message>
      <source>Recent meetings</source>
      <translation>Recent meetings</translation>
    </message>
    <message>
      <source>Open se&amp;lected</source>
      <translation>Open se&amp;lected</translation>
    </message>
    <message>
      <source>&amp;Forget selected</source>
      <translation>&amp;Forget selected</translation>
    </message>
    <message>
      <source>%1 (file not found)</source>
      <translation>%1 (file not found)</translation>
    </message>
  </context>
  <context>
    <name>SummaryPage</name>
    <message>
      <source>Check and create</source>
      <translation>Check and create</translation>
    </message>
    <message>
      <source>This is the meeting definition that will be saved. Press Finish to create the meeting and import the register.</source>
      <translation>This is the meeting definition that will be saved. Press Finish to create the meeting and import the register.</translation>
    </message>
    <message>
      <source>Meeting definition</source>
      <translation>Meeting definition</translation>
    </message>
    <message>
      <source>&amp;Save this definition beside the meeting file</source>
      <translation>&amp;Save this definition beside the meeting file</translation>
    </message>
    <message>
      <source>S&amp;top</source>
      <translation>S&amp;top</translation>
    </message>
    <message>
      <source>new meeting</source>
      <translation>new meeting</translation>
    </message>
    <message>
      <source>Creating the meeting and importing the register…</source>
      <translation>Creating the meeting and importing the register…</translation>
    </message>
    <message>
      <source>Creating the meeting…</source>
      <translation>Creating the meeting…</translation>
    </message>
    <message>
      <source>Stopped: no meeting file is kept.</source>
      <translation>Stopped: no meeting file is kept.</translation>
    </message>
    <message>
      <source>The meeting is created.</source>
      <translation>The meeting is created.</translation>
    </message>
  </context>
  <context>
    <name>TellerPage</name>
    <message>
      <source>&amp;Scan</source>
      <translation>&amp;Scan</translation>
    </message>
    <message>
      <source>Scanned &amp;files</source>
      <translation>Scanned &amp;files</translation>
    </message>
    <message>
      <source>&amp;Adjudication (%1)</source>
      <translation>&amp;Adjudication (%1)</translation>
    </message>
    <message>
      <source>&amp;Adjudication</source>
      <translation>&amp;Adjudication</translation>
    </message>
    <message>
      <source>Cam&amp;era</source>
      <translation>Cam&amp;era</translation>
    </message>
  </context>
  <context>
    <name>widget</name>
    <message>
      <source>Source: %1</source>
      <translation>Source: %1</translation>
    </message>
  </context>
</TS>