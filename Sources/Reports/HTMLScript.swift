/// The report's optional inline script. The page is complete without it: the filter bar is
/// `hidden` in the markup and only shown by the script; without JavaScript every policy block is
/// still there, and failing ones are open. With it: a text filter over the policy blocks, a
/// "failing only" switch, expand/collapse all, and every `<details>` opened while printing.
enum HTMLScript {
    /// The JavaScript, inlined in a `<script>` element (no network, no storage, no eval).
    static let javascript = """
        (function () {
          "use strict";
          var bar = document.getElementById("finding-controls");
          var policies = Array.prototype.slice.call(document.querySelectorAll("details.policy"));
          if (bar && policies.length > 0) {
            var filter = document.getElementById("finding-filter");
            var failingOnly = document.getElementById("only-failing");
            var counter = document.getElementById("filter-count");
            var texts = policies.map(function (block) { return block.textContent.toLowerCase(); });
            var apply = function () {
              var query = filter.value.trim().toLowerCase();
              var shown = 0;
              policies.forEach(function (block, index) {
                var visible = (query === "" || texts[index].indexOf(query) !== -1) &&
                  (!failingOnly.checked || block.getAttribute("data-failing") === "true");
                block.hidden = !visible;
                if (visible) { shown += 1; }
              });
              counter.textContent = shown + " of " + policies.length + " policies shown";
            };
            filter.addEventListener("input", apply);
            failingOnly.addEventListener("change", apply);
            document.getElementById("expand-all").addEventListener("click", function () {
              policies.forEach(function (block) { block.open = true; });
            });
            document.getElementById("collapse-all").addEventListener("click", function () {
              policies.forEach(function (block) { block.open = false; });
            });
            bar.hidden = false;
            apply();
          }
          var openedForPrint = [];
          window.addEventListener("beforeprint", function () {
            Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (block) {
              block.open = true;
              openedForPrint.push(block);
            });
          });
          window.addEventListener("afterprint", function () {
            openedForPrint.forEach(function (block) { block.open = false; });
            openedForPrint = [];
          });
        })();
        """
}
