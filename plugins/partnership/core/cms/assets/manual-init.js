// Read by Decap CMS as it loads: admin.js starts it, with the configuration made from the data contract.
window.CMS_MANUAL_INIT = true;
